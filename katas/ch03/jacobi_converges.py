"""ch03/jacobi_converges - when Jacobi diverges (Trace).

Jacobi iteration x(k+1) = D⁻¹(b - (L + U) x(k)) (A = D + L + U: diagonal, strictly lower,
strictly upper) changes the error e(k) = x(k) - x* by e(k+1) = -M e(k) with the iteration
matrix M = D⁻¹(L + U). It converges from every starting vector, for every b, exactly when the
spectral radius ρ(M) - the largest absolute value of an eigenvalue of M - is below 1.

Will Jacobi iteration converge for the system [[1, 2], [2, 1]] x = b?

Your answer: set ANSWER to a tuple (or list)
    (converges, spectral_radius)
where `converges` is a bool, True when the Jacobi iterates converge to the solution from
every starting vector x(0) and for every b, False otherwise; and `spectral_radius` is the
number ρ(D⁻¹(L + U)) for this matrix, graded within 1e-6 relative. The bool is graded exactly.

Stuck? `numkata hint ch03/jacobi_converges` shows one hint at a time.
"""

ANSWER = ...
