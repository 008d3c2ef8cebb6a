"""ch11/matrix_exp - the matrix exponential as a power series (Build).

The exponential series works for square matrices too, with matrix powers in place of powers
of a number:

    e^A = sum_{n>=0} A^n / n! = I + A + A@A / 2! + A@A@A / 3! + ...

It converges for every square A, and it is how e^(At) turns up in continuous-time state-space
models (x(t) = e^(At) x(0)) and in rotations (e^A of a 2x2 skew-symmetric A is a rotation).
A^n here means the matrix product A @ A @ ... @ A (n factors, A^0 = I), not the elementwise
power A ** n.

Contract
--------
matrix_exp_series(A, N) -> numpy.ndarray
    A is a square 2-D float NumPy array (k x k, 1 <= k <= 6) with entries of size at most 2;
    N is an int, 1 <= N <= 40. Returns the float array of A's shape holding the partial sum
    sum_{n=0}^{N-1} A^n / n! (exactly N terms, n = 0 .. N-1). Each entry is within
    1e-12 * max_ij (sum_{n<N} |A|^n / n!)_ij of the exact partial sum, where |A| is A with
    every entry made nonnegative. (For large N and small A this is scipy.linalg.expm(A).)
    A is not modified.

Stuck? `numkata hint ch11/matrix_exp` shows one hint at a time.
"""

import numpy as np


def matrix_exp_series(A, N):
    raise NotImplementedError
