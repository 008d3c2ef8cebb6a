"""ch03/jacobi_converges - solved."""

# D = I, L + U = [[0, 2], [2, 0]], so M = [[0, 2], [2, 0]] with eigenvalues ±2.
# ρ(M) = 2 > 1: the error component along [1, 1] or [1, -1] doubles in size every step.
ANSWER = (False, 2.0)
