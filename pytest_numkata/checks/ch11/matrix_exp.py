"""Hidden checks for ch11/matrix_exp.

Oracle: the partial sum computed exactly in integer arithmetic (exact matrix products of the
exact binary values of A), rounded once; mpmath.expm (30 digits) for large N on small
matrices.
"""

import math

import mpmath
import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from pytest_numkata.checking import call, expect_close, is_close

TOL = 1e-12
ONES_NAME = ("A ** n is an elementwise power: A^n here is the matrix product A @ A @ ... @ A "
             "(np.linalg.matrix_power, or multiply the previous term by A), and A^0 is the "
             "identity, not a matrix of ones")


def _expm(A):
    """The matrix exponential of a float matrix, by mpmath at 30 digits, rounded once."""
    with mpmath.workdps(30):
        E = mpmath.expm(mpmath.matrix(np.asarray(A, dtype=float).tolist()))
        return np.array([[float(E[i, j]) for j in range(E.cols)] for i in range(E.rows)])


def _matmul(X, Y):
    k = len(X)
    return [[sum(X[i][m] * Y[m][j] for m in range(k)) for j in range(k)] for i in range(k)]


def _series(A, count, *, start=0, elementwise=False):
    """sum_{start <= n < count} A^n / n!, exactly, rounded once to a float array.

    A = P / 2**e with an integer matrix P (every float is an integer over a power of two), so
    the sum is (sum_n (L!/n!) 2**(e(L-n)) P^n) / (2**(eL) L!) with L = count - 1, evaluated by
    Horner's rule in integers.
    """
    k = A.shape[0]
    ratios = [float(a).as_integer_ratio() for a in A.flat]
    e = max(q.bit_length() - 1 for _, q in ratios)
    flat = [p << (e - (q.bit_length() - 1)) for p, q in ratios]
    P = [flat[i * k:(i + 1) * k] for i in range(k)]
    L = count - 1
    top = math.factorial(L)
    c_last = 1 if L >= start else 0  # L! / L!
    acc = [[(c_last if i == j or elementwise else 0) for j in range(k)] for i in range(k)]
    for n in range(L - 1, -1, -1):
        if elementwise:
            acc = [[acc[i][j] * P[i][j] for j in range(k)] for i in range(k)]
        else:
            acc = _matmul(acc, P)
        c = (top // math.factorial(n)) << (e * (L - n)) if n >= start else 0
        for i in range(k):
            for j in range(k):
                if i == j or elementwise:
                    acc[i][j] += c
    den = top << (e * L)
    return np.array([[acc[i][j] / den for j in range(k)] for i in range(k)])


def _mistakes(A, N):
    return {
        ONES_NAME: _series(A, N, elementwise=True),
        "one term too many: that is N + 1 terms (n = 0 .. N); the sum stops at n = N - 1":
            _series(A, N + 1),
        "the identity (the n = 0 term A^0 / 0! = I) is missing": _series(A, N, start=1),
        "that is the full exponential expm(A), not the sum of its first N terms": _expm(A),
    }


def _contract_atol(A, N):
    """The docstring's tolerance: TOL * max_ij (sum_{n<N} |A|^n / n!)_ij.

    In float64: a sum of non-negative terms, so its rounding error (about N * 2**-53
    relative) only scales the tolerance by 1 +- 1e-14, which no verdict can notice."""
    B = np.abs(np.asarray(A, dtype=float))
    term = np.eye(B.shape[0])
    total = term.copy()
    for n in range(1, N):
        term = term @ B / n
        total += term
    return TOL * float(total.max())


def _check(kata, A, N):
    A = np.asarray(A, dtype=float)
    got = call(kata.matrix_exp_series, A, N, unchanged=True)
    expected = _series(A, N)
    atol = _contract_atol(A, N)
    if not is_close(got, expected, 0, atol):
        expect_close(got, expected, rtol=0, atol=atol, mistakes=_mistakes(A, N))
    return np.asarray(got, dtype=float)


def matches_small_examples(kata):
    _check(kata, np.array([[0.0, 1.0], [0.0, 0.0]]), 3)  # nilpotent: I + A exactly
    _check(kata, np.array([[1.0, 2.0], [3.0, 4.0]]) / 4, 1)
    _check(kata, np.array([[1.0, 2.0], [3.0, 4.0]]) / 4, 2)
    _check(kata, np.array([[1.0, 2.0], [3.0, 4.0]]) / 4, 5)
    _check(kata, np.array([[0.5, -1.0, 0.25], [2.0, 0.0, -0.5], [0.1, 0.3, -1.5]]), 8)
    _check(kata, np.array([[1.5]]), 6)


def rotation_generator_gives_a_rotation(kata):
    theta = np.pi / 4
    A = np.array([[0.0, -theta], [theta, 0.0]])
    got = _check(kata, A, 30)
    R = np.array([[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]])
    # the contract's tolerance; the 30-term truncation (< 1e-35) and cos/sin rounding are below
    # the 2**-52 added for them
    expect_close(got, R, rtol=0, atol=_contract_atol(A, 30) + 2.0**-52,
                 what="matrix_exp_series(A, 30) for the rotation generator "
                      "A = [[0, -pi/4], [pi/4, 0]] should be the rotation by pi/4")


def diagonal_matrices_exponentiate_their_diagonal(kata):
    D = np.diag([1.0, 2.0, -1.5])
    got = _check(kata, D, 40)
    # the contract's tolerance, plus the 40-term truncation (< 1e-30) and exp's rounding
    expect_close(got, np.diag(np.exp([1.0, 2.0, -1.5])), rtol=2.0**-52,
                 atol=_contract_atol(D, 40),
                 what="matrix_exp_series(diag(1, 2, -1.5), 40) should be diag(e, e^2, e^-1.5)")


def agrees_with_the_matrix_exponential_for_small_matrices(kata):
    rng = np.random.default_rng(21)
    for k in (2, 3, 5):
        A = rng.normal(size=(k, k))
        A /= np.linalg.norm(A, 2)  # spectral norm 1: the terms past n = 30 are below 1e-32
        got = _check(kata, A, 30)
        # the contract's tolerance, plus a margin for the rounding of expm(A) to floats
        expect_close(got, _expm(A), rtol=1e-13, atol=_contract_atol(A, 30) + 1e-14,
                     what=f"matrix_exp_series(A, 30) for a {k}x{k} A of norm 1, against "
                          f"expm(A)")


@given(hnp.arrays(np.float64, st.integers(1, 4).map(lambda k: (k, k)),
                  elements=st.floats(-2.0, 2.0)),
       st.integers(1, 20))
def matches_the_exact_partial_sum_for_any_matrix(kata, A, N):
    _check(kata, A, N)
