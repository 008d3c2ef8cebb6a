"""ch02/identity_kappa - solved."""

# I⁻¹ = I and every row of I sums to 1, so κ∞(I) = 1 * 1 = 1 - the least possible value.
ANSWER = 1
