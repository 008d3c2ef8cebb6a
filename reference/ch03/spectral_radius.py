"""ch03/spectral_radius - solved."""

# M = D⁻¹(L + U) = [[0, 1/4], [1/3, 0]]; eigenvalues ±√(1/4 · 1/3) = ±√(1/12).
# ρ ≈ 0.2887 < 1, so Jacobi converges; about 12 steps gain 6 digits (0.2887**12 ≈ 3.4e-7).
ANSWER = (1 / 12) ** 0.5
