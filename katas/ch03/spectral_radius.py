"""ch03/spectral_radius - the spectral radius of the Jacobi iteration matrix (Derive).

How fast Jacobi converges is set by the spectral radius ρ(M) of its iteration matrix
M = D⁻¹(L + U) (A = D + L + U: diagonal, strictly lower, strictly upper): in the long run every
step shrinks the error by about a factor ρ(M). ρ(M) is the largest absolute value of an
eigenvalue of M. For a 2x2 matrix [[0, a], [b, 0]] the eigenvalues are ±√(ab).

For A = [[4, 1], [1, 3]] (the system of ch03/jacobi_by_hand), what is ρ(D⁻¹(L + U))?

Your answer: set ANSWER to that number; an exact expression is welcome. It is graded within
5e-4 relative, so four significant digits are enough.

Stuck? `numkata hint ch03/spectral_radius` shows one hint at a time.
"""

ANSWER = ...
