"""Hidden checks for ch11/erf_series.

Oracle: the exact value of the N-term sum in integer arithmetic, times 2/sqrt(pi) from mpmath;
and math.erf (the C library's erf), which the sum must approach within the first omitted
term.
"""

import math

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from pytest_numkata.checking import call, describe_call, expect
from ._series import (elementwise, erf, erf_sum, expect_entries,
                                                 float_arrays)

TOL = 1e-12


def _mistakes(x, N):
    def each(**kw):
        return elementwise(None, x, lambda v: erf_sum(v, **kw))

    return {
        "one term too many: that is N + 1 terms (n = 0 .. N); the sum stops at n = N - 1":
            each(count=N + 1),
        "the (2n + 1) divisor is missing: integrating t**(2n) from 0 to x gives "
        "x**(2n+1) / (2n + 1)": each(count=N, odd_divisor=False),
        "the sign (-1)**n is missing: e**(-t**2) has alternating terms (-t**2)**n / n!":
            each(count=N, alternate=False),
        "the factor 2/sqrt(pi) in front of the sum is missing":
            elementwise(None, x, lambda v: erf_sum(v, N) * math.sqrt(math.pi) / 2),
        "that is erf itself, not the sum of its first N terms":
            erf(np.asarray(x, dtype=float)),
    }


def _check(kata, x, N):
    got = call(kata.erf_series, x, N, unchanged=True)
    label = describe_call(kata.erf_series, (x, N), {})
    exact = elementwise(None, x, lambda v: erf_sum(v, N))
    scale = elementwise(None, x, lambda v: erf_sum(v, N, absolute=True))
    expect_entries(got, x, exact, scale, TOL, label, lambda: _mistakes(x, N))
    return got


def matches_the_exact_partial_sums(kata):
    for x, N in [(0.5, 1), (0.5, 2), (0.5, 3), (1.0, 4), (-1.0, 4), (1.5, 6), (2.0, 10),
                 (0.0, 5), (-0.3, 7)]:
        _check(kata, x, N)


def handles_cancellation_for_large_x(kata):
    for x, N in [(3.0, 30), (-4.0, 45), (5.0, 60)]:
        _check(kata, x, N)


def works_entrywise_on_arrays(kata):
    _check(kata, np.array([-2.0, -0.5, 0.0, 0.5, 1.0, 2.5]), 9)
    _check(kata, np.array([[0.1, -0.2], [1.5, -3.0]]), 20)


def is_odd(kata):
    for x, N in [(0.7, 5), (2.2, 12)]:
        plus = float(np.asarray(call(kata.erf_series, x, N)))
        minus = float(np.asarray(call(kata.erf_series, -x, N)))
        # a consequence of the contract: each call is within TOL * scale of +-the exact sum
        allowed = 2 * TOL * erf_sum(x, N, absolute=True)
        expect(abs(plus + minus) <= allowed,
               f"erf_series(-x, N) should be -erf_series(x, N): got {minus} and {plus}")


@given(st.floats(-2.0, 2.0), st.integers(5, 40))
def stays_within_the_first_omitted_term_of_erf(kata, x, N):
    got = float(np.asarray(_check(kata, x, N)))
    first_omitted = 2 / math.sqrt(math.pi) * abs(x) ** (2 * N + 1) / (
        math.factorial(N) * (2 * N + 1))
    error = abs(got - float(erf(x)))
    # the contract's rounding allowance for the sum, the truncation, and erf's own rounding
    allowed = TOL * erf_sum(x, N, absolute=True) + first_omitted + 2.0**-52
    expect(error <= allowed,
           f"|erf_series(x, N) - erf(x)| = {error:.3e} exceeds the first omitted term "
           f"{first_omitted:.3e}: for N > x**2 the alternating series cannot be off by more")


@given(st.floats(-5.0, 5.0), st.integers(1, 60))
def matches_the_exact_sum_for_any_float(kata, x, N):
    _check(kata, x, N)


@given(float_arrays(-3.0, 3.0), st.integers(1, 25))
def matches_the_exact_sum_for_any_array(kata, x, N):
    _check(kata, x, N)
