"""Hidden checks for ch10/geometric_series.

Oracle: exact rational arithmetic. A float r is a rational number, so Fraction(r) and the
closed form (1 - R**(N+1)) / (1 - R) (or N + 1 at R = 1) give the exact partial sum; the
tolerance is 1e-7 times the sum for abs(r) (accurate enough in floats), as the contract says.
"""

import math
from fractions import Fraction

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from pytest_numkata.checking import LearnerCrash, call, expect_close, fail, is_close

BOUND = 1e-7

CLOSED_FORM_AT_ONE = (
    "the closed form (1 - r**(N+1)) / (1 - r) divides by zero at r = 1, where every term is 1 "
    "and the sum is simply N + 1: handle r = 1, or add the terms (Horner's rule needs no division)"
)


def _exact(r, N):
    """The exact partial sum r**0 + ... + r**N for the float r, as a Fraction."""
    if N < 0:
        return Fraction(0)
    R = Fraction(r)
    if R == 1:
        return Fraction(N + 1)
    return (1 - R ** (N + 1)) / (1 - R)


def _is(r, N, atol):
    """A predicate: the returned value is the partial sum up to r**N (computed only if needed)."""
    return lambda got: is_close(got, float(_exact(r, N)), rtol=0.0, atol=atol)


def _mistakes(r, N, atol):
    mistakes = {
        "summed N terms (n = 0 .. N-1): the sum runs to n = N inclusive, that is N + 1 terms":
            _is(r, N - 1, atol),
        "summed N + 2 terms (n = 0 .. N+1): the last term is r**N": _is(r, N + 1, atol),
    }
    if r == 1:
        mistakes[CLOSED_FORM_AT_ONE] = lambda got: not math.isfinite(float(got))
    else:
        mistakes["that is the infinite sum 1 / (1 - r); the kata asks for the partial sum up to "
                  "r**N"] = 1.0 / (1.0 - r)
    return mistakes


def _check(kata, r, N):
    try:
        got = call(kata.geometric_partial_sum, r, N)
    except LearnerCrash as exc:
        if float(r) == 1.0 and isinstance(exc.error, (ZeroDivisionError, FloatingPointError)):
            fail(f"{exc.description}\n  raised {type(exc.error).__name__}: {exc.error}\n"
                 f"  likely mistake: {CLOSED_FORM_AT_ONE}")
        raise
    r = float(r)
    atol = BOUND * math.fsum(abs(r) ** n for n in range(N + 1))
    expect_close(got, float(_exact(r, N)), rtol=0.0, atol=atol, mistakes=_mistakes(r, N, atol))


def matches_small_examples(kata):
    for r, N in ((0.5, 10), (2 / 3, 100), (-0.25, 999), (0.9, 50), (0.95, 1000), (0.0, 5),
                 (-1.0, 4), (-1.0, 5), (1.5, 30), (2.0, 10), (-0.7, 7)):
        _check(kata, r, N)


def counts_n_plus_one_terms(kata):
    # N = 0 is the single term r**0 = 1; N = 1 is 1 + r.
    for r in (0.5, -0.3, 1.7, 0.0):
        _check(kata, r, 0)
        _check(kata, r, 1)


def gives_n_plus_one_at_r_equal_to_one(kata):
    for N in (0, 1, 7, 100, 1000):
        _check(kata, 1.0, N)
    _check(kata, 1, 10)


def stays_accurate_within_1e_12_of_one(kata):
    for r in (1 - 1e-12, 1 + 1e-12, 1 - 2.0**-52, 1 + 2.0**-52, 1 - 3e-13, 1 + 7e-13):
        for N in (1, 2, 10, 999, 1000):
            _check(kata, r, N)


def survives_abs_r_up_to_two(kata):
    for r in (2.0, -2.0, 1.999, -1.999, 1.01, -1.01):
        for N in (999, 1000):
            _check(kata, r, N)


def accepts_a_numpy_float(kata):
    _check(kata, np.float64(0.75), 20)
    _check(kata, np.float64(-1.25), 15)


@given(st.floats(-2.0, 2.0), st.integers(0, 1000))
def matches_the_exact_sum_for_any_r(kata, r, N):
    _check(kata, r, N)


@given(st.floats(-1e-12, 1e-12), st.integers(0, 1000))
def matches_the_exact_sum_next_to_one(kata, d, N):
    _check(kata, 1.0 + d, N)
