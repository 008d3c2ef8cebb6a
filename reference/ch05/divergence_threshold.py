"""ch05/divergence_threshold - solved."""

# x_{k+1} = (1 - 2 lr) x_k shrinks exactly when abs(1 - 2 lr) < 1, i.e. 0 < lr < 1.
# In general lr < 2 / L with L the curvature; for x**2, L = f'' = 2.
ANSWER = 1.0
