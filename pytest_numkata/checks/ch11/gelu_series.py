"""Hidden checks for ch11/gelu_series.

Oracle: x/2 * (1 + erf_N(x/sqrt(2))) with u = x/sqrt(2) rounded once (mpmath, 40 digits) and the
N-term sum at u exact in integer arithmetic; and the exact GELU from math.erf (the C library's
erf), which the truncated version must approach within |x|/2 times the first omitted erf term.
"""

import math

import mpmath
import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from pytest_numkata.checking import call, describe_call, expect
from ._series import (elementwise, erf, erf_sum, expect_entries,
                                                 float_arrays)

TOL = 1e-12


def _u(x):
    with mpmath.workdps(40):
        return float(mpmath.mpf(x) / mpmath.sqrt(2))


def _gelu_n(x, N, divide=None):
    u = _u(x) if divide is None else x / divide
    return 0.5 * x * (1.0 + erf_sum(u, N))


def _scale(x, N):
    return 0.5 * abs(x) * (1.0 + erf_sum(_u(x), N, absolute=True))


def _mistakes(x, N):
    xs = np.asarray(x, dtype=float)
    return {
        "x / 2 inside erf: GELU uses erf(x / sqrt(2)), the sqrt(2) that turns e**(-x**2/2) "
        "into e**(-t**2)": elementwise(None, x, lambda v: _gelu_n(v, N, divide=2.0)),
        "one term too many: that is N + 1 terms of the erf series (n = 0 .. N)":
            elementwise(None, x, lambda v: _gelu_n(v, N + 1)),
        "that is the exact GELU (with the true erf), not the one built from N terms of the "
        "series":
            xs * 0.5 * (1 + erf(xs / math.sqrt(2))),
        "the factor x is missing: GELU(x) = x * Phi(x), not Phi(x)":
            elementwise(None, x, lambda v: 0.5 * (1.0 + erf_sum(_u(v), N))),
    }


def _check(kata, x, N):
    got = call(kata.gelu_series, x, N, unchanged=True)
    label = describe_call(kata.gelu_series, (x, N), {})
    exact = elementwise(None, x, lambda v: _gelu_n(v, N))
    scale = elementwise(None, x, lambda v: _scale(v, N))
    expect_entries(got, x, exact, scale, TOL, label, lambda: _mistakes(x, N))
    return got


def matches_small_examples(kata):
    for x, N in [(1.0, 1), (1.0, 2), (1.0, 4), (-1.0, 4), (0.5, 3), (2.0, 6), (-2.0, 10),
                 (0.0, 5), (3.0, 20)]:
        _check(kata, x, N)


def works_entrywise_on_arrays(kata):
    _check(kata, np.linspace(-3.0, 3.0, 13), 4)
    _check(kata, np.array([[0.25, -0.75], [6.0, -6.0]]), 60)


def approaches_the_exact_gelu_near_zero(kata):
    x = np.linspace(-2.0, 2.0, 21)
    for N in (5, 10, 20):
        got = np.asarray(_check(kata, x, N), dtype=float)
        u = np.abs(x) / math.sqrt(2)
        first_omitted = 2 / math.sqrt(math.pi) * u ** (2 * N + 1) / (
            math.factorial(N) * (2 * N + 1))
        # the truncation, plus the contract's rounding allowance and erf's own rounding
        scale = elementwise(None, x, lambda v: _scale(v, N))
        bound = 0.5 * np.abs(x) * first_omitted + TOL * scale + 2.0**-52 * np.abs(x)
        error = np.abs(got - x * 0.5 * (1 + erf(x / math.sqrt(2))))
        expect(bool(np.all(error <= bound)),
               f"with N = {N} the distance to the exact GELU exceeds |x|/2 times the first "
               f"omitted erf term: worst error {error.max():.3e}")


@given(st.floats(-6.0, 6.0), st.integers(1, 60))
def matches_the_exact_value_for_any_float(kata, x, N):
    _check(kata, x, N)


@given(float_arrays(-4.0, 4.0, max_side=3), st.integers(1, 20))
def matches_the_exact_value_for_any_array(kata, x, N):
    _check(kata, x, N)
