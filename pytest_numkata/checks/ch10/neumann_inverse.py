"""Hidden checks for ch10/neumann_inverse.

Oracle: the truncated series in mpmath matrices at 30 digits (products of the exact float
entries); for large K, numpy.linalg.inv(I - A), which the series approaches when the powers of
A shrink.
"""

import mpmath
import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from pytest_numkata.checking import call, expect_close, is_close

ELEMENTWISE = "A ** k is an elementwise power; the series needs matrix powers"


def _series(A, K):
    A = np.asarray(A, dtype=float)
    n = A.shape[0]
    with mpmath.workdps(30):
        M = mpmath.matrix(A.tolist())
        total = mpmath.eye(n)
        power = mpmath.eye(n)
        for _ in range(K):
            power = power * M
            total = total + power
        return np.array(total.tolist(), dtype=float)


def _elementwise(A, K, start):
    A = np.asarray(A, dtype=float)
    total = np.ones_like(A) if start == 0 else np.eye(A.shape[0])
    for k in range(1, K + 1):
        total = total + A**k
    return total


def _mistakes(A, K, atol):
    A = np.asarray(A, dtype=float)

    def near(value_fn):
        return lambda got: is_close(got, value_fn(), rtol=0.0, atol=atol)

    mistakes = {
        ELEMENTWISE + " (A @ A, not A ** 2)": lambda got: is_close(
            got, _elementwise(A, K, 1), 0.0, atol) or is_close(got, _elementwise(A, K, 0), 0.0, atol),
        "stopped one term short, at A^(K-1): the sum runs from A^0 = I to A^K inclusive":
            near(lambda: _series(A, K - 1)) if K > 0 else (lambda got: False),
        "one term too many, up to A^(K+1): the sum runs from A^0 = I to A^K inclusive":
            near(lambda: _series(A, K + 1)),
    }
    inverse = np.linalg.inv(np.eye(A.shape[0]) - A) if np.linalg.cond(np.eye(A.shape[0]) - A) < 1e8 else None
    if inverse is not None:
        mistakes["that is the whole infinite series (I - A)^-1; the kata asks for the sum up to "
                 "A^K"] = inverse
    return mistakes


def _check(kata, A, K):
    atol = 1e-10 * (K + 1)
    got = call(kata.neumann_inverse, A, K, unchanged=True)
    expect_close(got, _series(A, K), rtol=0.0, atol=atol, mistakes=_mistakes(A, K, atol))


def _with_norm(A, norm):
    A = np.asarray(A, dtype=float)
    return A * (norm / np.linalg.norm(A, 2))


def matches_small_examples(kata):
    A = np.array([[0.20, 0.05], [-0.10, 0.15]])
    for K in (1, 2, 4, 8, 16):
        _check(kata, A, K)
    _check(kata, [[0.0, 0.5], [0.5, 0.0]], 3)
    _check(kata, [[0.0, 1.0], [0.0, 0.0]], 5)  # nilpotent: the series stops after I + A
    _check(kata, [[0.5]], 10)


def uses_matrix_powers_not_elementwise_ones(kata):
    rng = np.random.default_rng(20)
    for n, K in ((2, 3), (3, 5), (4, 7)):
        _check(kata, _with_norm(rng.standard_normal((n, n)), 0.8), K)


def gives_the_identity_for_k_zero(kata):
    _check(kata, [[0.3, -0.2], [0.1, 0.4]], 0)
    _check(kata, np.zeros((3, 3)), 0)


def handles_a_norm_one_matrix(kata):
    # A = I: I - A is singular, but the truncated sum is simply (K + 1) I.
    _check(kata, np.eye(3), 7)
    rotation = np.array([[0.0, -1.0], [1.0, 0.0]])
    _check(kata, rotation, 9)


def approaches_the_inverse_of_i_minus_a(kata):
    rng = np.random.default_rng(21)
    for n in (2, 5, 8):
        A = _with_norm(rng.standard_normal((n, n)), 0.5)
        got = call(kata.neumann_inverse, A, 100)
        # The contract's tolerance for K = 100 plus the tail after A^100, which is below
        # 0.5**101 / (1 - 0.5) in norm.
        atol = 1e-10 * 101 + 0.5**101 / (1 - 0.5)
        expect_close(got, np.linalg.inv(np.eye(n) - A), rtol=0.0, atol=atol,
                     mistakes=_mistakes(A, 100, atol))


def accepts_a_list_of_lists(kata):
    _check(kata, [[0.1, 0.2, 0.0], [0.0, 0.1, 0.2], [0.2, 0.0, 0.1]], 6)


def leaves_a_unchanged(kata):
    rng = np.random.default_rng(22)
    A = _with_norm(rng.standard_normal((4, 4)), 0.7)
    call(kata.neumann_inverse, A, 5, unchanged=True)


@given(hnp.arrays(np.float64, st.integers(1, 4).map(lambda n: (n, n)),
                  elements=st.floats(-1.0, 1.0, width=64)),
       st.integers(0, 12))
def matches_the_series_for_any_small_matrix(kata, A, K):
    norm = np.linalg.norm(A, 2)
    if norm > 1.0:
        A = A / (norm * (1 + 1e-12))
    _check(kata, A, K)
