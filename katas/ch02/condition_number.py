"""ch02/condition_number - the infinity-norm condition number of a square matrix (Build).

κ∞(A) = ‖A‖∞ · ‖A⁻¹‖∞ bounds how much solving Ax = b can magnify a relative error in b. Here
‖M‖∞ is the largest absolute ROW sum of M: max over i of sum over j of abs(M[i][j]). (The
largest absolute column sum is the 1-norm, a different norm; for a non-symmetric matrix of
size 3 or more the two condition numbers usually differ.) A singular matrix has no inverse
and its condition number is infinite.

Contract
--------
condition_number(A) -> float
    `A` is a square n x n array-like of real numbers (nested lists or tuples, or a NumPy
    array; ints or floats), n >= 1.
    Returns ‖A‖∞ · ‖A⁻¹‖∞ as a Python or NumPy float. Whenever that exact value for the
    float64 matrix you were given is below 1e8, the result is within 1e-6 relative of it.
    The value depends only on A's entries: scaling A by any non-zero constant leaves it
    unchanged.

    Returns math.inf when A is *exactly singular*. Here that means: Gaussian elimination
    with partial pivoting, run in float64, meets a pivot that is exactly 0.0. That is exactly
    when numpy.linalg.inv (and numpy.linalg.solve, scipy.linalg.inv) raise
    numpy.linalg.LinAlgError, and numpy.linalg.det returns exactly 0.0 - so catching that
    error, or checking your own pivots or the determinant for exact zero, are all fine. The
    singular matrices used by the checks are ones where all of these agree: a matrix with a
    row or a column of zeros (including the zero matrix and [[0]]), or one with a row exactly
    twice another, such as [[1, 2], [2, 4]]. Do not treat a merely small determinant as
    singular: 1e-3 times a well-conditioned matrix is not singular.

    `A` is not modified.

Stuck? `numkata hint ch02/condition_number` shows one hint at a time.
"""

import math

import numpy as np


def condition_number(A):
    raise NotImplementedError
