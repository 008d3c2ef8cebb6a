"""ch03/jacobi_step - one Jacobi sweep (Build).

A Jacobi sweep computes a whole new iterate from the old one. Split A = D + L + U (diagonal,
strictly lower, strictly upper part); then

    x_new = D⁻¹(b - (L + U) x),  that is  x_new[i] = (b[i] - sum over j != i of A[i][j] * x[j]) / A[i][i].

Every component uses the old x only. (Using components already updated in the same sweep is a
different method, Gauss-Seidel.) Repeating the sweep converges to the solution of Ax = b from
any start whenever the spectral radius of D⁻¹(L + U) is below 1 - for example when A is
strictly diagonally dominant.

Contract
--------
jacobi_step(A, b, x) -> numpy.ndarray
    `A` is a square n x n array-like of real numbers (n >= 1) with no zero on its diagonal;
    `b` and `x` are 1-D array-likes of length n (lists, tuples or NumPy arrays; ints or
    floats).
    Returns a NEW 1-D NumPy array of dtype float64 and length n (not `x` itself and not a
    view of it), whose entry i is (b[i] - sum over j != i of A[i][j] * x[j]) / A[i][i],
    with every x[j] taken from the x passed in. Each entry is within
    1e-10 * (abs(b[i]) + sum over all j of abs(A[i][j] * x[j])) / abs(A[i][i])
    of the exact value, so both a component loop and x + (b - A x) / diag(A) are accurate
    enough.
    `A`, `b` and `x` are not modified.

Stuck? `numkata hint ch03/jacobi_step` shows one hint at a time.
"""

import numpy as np


def jacobi_step(A, b, x):
    raise NotImplementedError
