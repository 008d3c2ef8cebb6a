"""ch10/neumann_inverse - a matrix inverse as a geometric series (Build).

The geometric series works for matrices too. If the powers of a square matrix A shrink (its
spectral radius, the largest abs of an eigenvalue, is below 1), then

    (I - A)**-1 = I + A + A**2 + A**3 + ...       (the Neumann series)

where A**2 means the matrix product A @ A, not the square of each entry. Truncating the
series gives a cheap approximate inverse that uses only matrix products; iterative solvers and
some preconditioners are built on it.

Contract
--------
neumann_inverse(A, K) -> numpy.ndarray
    `A` is a square matrix (a NumPy array or a list of lists) of shape (n, n), 1 <= n <= 8,
    with real entries and largest singular value at most 1, and `K` is an int,
    0 <= K <= 100. Returns the truncated series

        I + A + A @ A + ... + A^K          (matrix powers A^0 = I up to A^K; K = 0 gives I)

    as a float array of shape (n, n), each entry within 1e-10 * (K + 1) of the exact sum.
    `A` is not modified.

Stuck? `numkata hint ch10/neumann_inverse` shows one hint at a time.
"""

import numpy as np


def neumann_inverse(A, K):
    raise NotImplementedError
