"""Hidden checks for ch02/condition_number.

Oracles: exact rational arithmetic (fractions) on the float64 entries for the fixed examples;
scipy.linalg.inv plus row sums computed here for the random matrices.
"""

import math

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from pytest_numkata.checking import LearnerCrash, call, expect, expect_close, fail, is_close

from ._exact import cond_inf, to_fractions

RTOL = 1e-6

SINGULAR_ADVICE = ("an exactly singular matrix must give math.inf - catch "
                   "numpy.linalg.LinAlgError (or test for an exactly zero pivot) and return math.inf")


def _rows(M):
    return np.abs(M).sum(axis=1).max()


def _cols(M):
    return np.abs(M).sum(axis=0).max()


def _oracle(A):
    """‖A‖∞ · ‖A⁻¹‖∞ by scipy's inverse and row sums taken here."""
    # imported here, in the judge process that grades this kata: at module level the
    # grader would import scipy.linalg (0.2 s) for every run, before any judge starts
    import scipy.linalg

    A = np.array(A, dtype=np.float64)
    return float(_rows(A) * _rows(scipy.linalg.inv(A)))


def _exact(A):
    value = cond_inf(to_fractions(A))
    return math.inf if value is None else float(value)


def _mistakes(A):
    A = np.array(A, dtype=np.float64)
    inv = np.linalg.inv(A)
    return {
        "column sums: that is the 1-norm condition number ‖A‖₁·‖A⁻¹‖₁; the infinity norm "
        "is the largest absolute ROW sum": float(_cols(A) * _cols(inv)),
        "that is the 2-norm condition number σmax/σmin (numpy.linalg.cond's default); pass "
        "p=numpy.inf or take the largest absolute row sums yourself": float(np.linalg.cond(A)),
        "that is ‖A‖∞ squared: the second factor is the norm of the inverse, ‖A⁻¹‖∞":
            float(_rows(A) ** 2),
        "that is ‖A⁻¹‖∞ alone: multiply by ‖A‖∞": float(_rows(inv)),
        "that multiplies the largest absolute entries; the infinity norm is the largest "
        "absolute row sum": float(np.abs(A).max() * np.abs(inv).max()),
        "a non-singular matrix came back as inf: only an exactly zero pivot means singular "
        "(a small determinant does not - scaling A changes det but not κ)":
            lambda got: math.isinf(float(got)),
    }


def _check(kata, A, expected=None):
    expected = _exact(A) if expected is None else expected
    got = _call(kata, A)
    if not is_close(got, expected, rtol=RTOL):  # name the mistake only when there is one
        expect_close(got, expected, rtol=RTOL, mistakes=_mistakes(A))


def _call(kata, A, singular=False):
    try:
        return call(kata.condition_number, A)
    except LearnerCrash as crash:
        if not singular:
            raise
        fail(f"{crash}\n  likely mistake: {SINGULAR_ADVICE}")


def _check_singular(kata, A):
    got = _call(kata, A, singular=True)
    expect_close(got, math.inf, mistakes={
        f"nan is not the answer: {SINGULAR_ADVICE}": lambda got: math.isnan(float(got)),
        f"a finite number is not the answer: {SINGULAR_ADVICE}":
            lambda got: math.isfinite(float(got)),
    })


def matches_small_examples(kata):
    for A in ([[1, 2], [3, 4]], [[2, 0], [0, 3]], [[4, 1], [1, 3]], [[5]], [[-0.25]],
              [[1.5, -2.0], [0.5, 3.0]]):
        _check(kata, A)


def permutations_and_the_identity_have_kappa_one(kata):
    for A in (np.eye(1), np.eye(4), [[0, 1], [1, 0]], [[0, 0, 1], [1, 0, 0], [0, 1, 0]],
              [[0, -2, 0], [3, 0, 0], [0, 0, 0.5]]):
        _check(kata, A)


def uses_row_sums_not_column_sums(kata):
    for A in ([[1, 2, 0], [0, 1, 3], [4, 0, 1]],
              [[2, -1, 0], [5, 3, 1], [0, 0.5, 4]],
              [[4, 1, 1, 0], [0, 3, 2, 1], [1, 0, 5, 9], [0, 0, 1, 2]]):
        _check(kata, A)


def handles_ill_conditioned_matrices(kata):
    hilbert = [[1.0 / (i + j + 1) for j in range(5)] for i in range(5)]
    for A in ([[1, 1], [1, 1.0001]], hilbert, [[1, 2, 3], [4, 5, 6], [7, 8, 9.001]]):
        _check(kata, A)


def singular_matrices_give_inf(kata):
    for A in ([[1, 2], [2, 4]], [[2, 4], [1, 2]], [[0]], np.zeros((3, 3)), [[0, 0], [0, 0]],
              [[1, 2, 3], [0, 0, 0], [4, 5, 6]], [[1, 0, 2], [3, 0, 4], [5, 0, 6]],
              [[1, 2, 3], [2, 4, 6], [0, 1, 1]]):
        _check_singular(kata, A)


def accepts_lists_tuples_and_arrays(kata):
    A = [[3, -1, 0], [1, 4, 2], [0, -2, 5]]
    for form in (A, tuple(tuple(r) for r in A), np.array(A), np.array(A, dtype=float)):
        _check(kata, form)


def a_small_scale_is_not_singular(kata):
    rng = np.random.default_rng(2024)
    for n, scale in ((6, 1e-3), (8, 1e-3), (4, 1e3)):
        A = rng.standard_normal((n, n))
        _check(kata, scale * A, expected=_oracle(A))


def leaves_the_input_unchanged(kata):
    A = np.array([[4.0, -1.0, 0.5], [2.0, 5.0, -1.0], [0.0, 1.0, 3.0]])
    call(kata.condition_number, A, unchanged=True)
    call(kata.condition_number, [[1.0, 2.0], [3.0, 4.0]], unchanged=True)
    call(kata.condition_number, np.array([[1.0, 2.0], [2.0, 4.0]]), unchanged=True)


def _random_matrix(n, seed):
    """A random Gaussian matrix, nudged towards the identity in the rare ill-conditioned case."""
    A = np.random.default_rng(seed).standard_normal((n, n))
    if _oracle(A) > 1e6:
        A += n * np.eye(n)
    return A


@given(st.integers(0, 10**6))
def matches_the_oracle_for_random_matrices(kata, case):
    n, seed = 1 + case % 8, case  # one integer: a failing case shrinks in few steps
    A = _random_matrix(n, seed)
    _check(kata, A, expected=_oracle(A))


@given(st.integers(0, 10**6), st.integers(-3, 3))
def scaling_leaves_kappa_unchanged(kata, case, k):
    n, seed = 1 + case % 6, case
    A = _random_matrix(n, seed)
    _check(kata, (10.0**k * A).tolist(), expected=_oracle(A))


def a_zero_row_or_column_gives_inf(kata):
    rng = np.random.default_rng(31)
    for n in range(1, 7):
        for _ in range(4):
            A = rng.integers(-9, 10, size=(n, n)).astype(float)
            k = int(rng.integers(0, n))
            if rng.random() < 0.5:
                A[:, k] = 0.0
            else:
                A[k, :] = 0.0
            _check_singular(kata, A)


def is_at_least_one(kata):
    rng = np.random.default_rng(7)
    for n in (1, 3, 5):
        A = rng.standard_normal((n, n))
        got = float(call(kata.condition_number, A))
        expect(got >= 1 - RTOL, f"returned {got!r}, but every condition number is at least 1 "
                                "(1 = ‖A A⁻¹‖ <= ‖A‖ ‖A⁻¹‖)")
