"""ch03/jacobi_by_hand - two Jacobi steps by hand (Derive).

Jacobi iteration solves Ax = b without factorising A. Solve equation i for its own unknown
x_i, then sweep: every new component is computed from the previous iterate,

    x_i(k+1) = (b_i - sum over j != i of a_ij * x_j(k)) / a_ii,

so the whole new vector x(k+1) depends on x(k) only. In matrix form, with A = D + L + U
(diagonal, strictly lower, strictly upper part): x(k+1) = D⁻¹(b - (L + U) x(k)).

Apply it to
    4 x1 +   x2 =  9
      x1 + 3 x2 = 11
starting from x(0) = [0, 0]. What is x1(2), the first component after two steps?

(For comparison, the exact solution of this system is [16/11, 35/11] ≈ [1.4545, 3.1818]. Some
worked solutions give [1, 3], which does not satisfy the first equation.)

Your answer: set ANSWER to that number; an exact fraction such as 7/5 is welcome. It is
graded within 1e-3 relative.

Stuck? `numkata hint ch03/jacobi_by_hand` shows one hint at a time.
"""

ANSWER = ...
