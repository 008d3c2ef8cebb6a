"""Hidden checks for ch11/exp_series.

Oracle: the exact value of the N-term sum in integer arithmetic (no rounding until the end),
and numpy.exp for the truncation error, which must stay below the first-omitted-term bound.
"""

import math
import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from pytest_numkata.checking import call, describe_call, expect
from ._series import (elementwise, exp_sum, expect_entries,
                                                 float_arrays, power_sum)

TOL = 1e-12


def _exact(x, N):
    return elementwise(None, x, lambda v: exp_sum(v, N))


def _scale(x, N):
    return elementwise(None, x, lambda v: exp_sum(v, N, absolute=True))


def _mistakes(x, N):
    def by_n(v):
        top = math.factorial(max(N - 1, 1))
        num, den = power_sum(v, [top] + [top // n for n in range(1, N)], top)
        return num / den

    def shifted(v):
        num, den = power_sum(v, [0] + [math.factorial(N) // math.factorial(n)
                                       for n in range(1, N + 1)], math.factorial(N))
        return num / den

    return {
        "one term too many: that is N + 1 terms (n = 0 .. N); the sum stops at n = N - 1":
            _exact(x, N + 1),
        "divided by n, not n!: the n-th term is x**n / n! (n! = 1 * 2 * ... * n)":
            elementwise(None, x, by_n),
        "the n = 0 term (x**0 / 0! = 1) is missing: the sum runs n = 0 .. N - 1":
            elementwise(None, x, shifted),
        "that is the full exponential e**x, not the sum of its first N terms":
            np.exp(np.asarray(x, dtype=float)),
    }


def _check(kata, x, N):
    got = call(kata.exp_series, x, N, unchanged=True)
    label = describe_call(kata.exp_series, (x, N), {})
    expect_entries(got, x, _exact(x, N), _scale(x, N), TOL, label, lambda: _mistakes(x, N))
    return got


def matches_the_exact_partial_sums(kata):
    for x, N in [(1.0, 1), (1.0, 2), (1.0, 5), (0.5, 3), (2.0, 10), (-1.0, 4), (3.0, 7),
                 (10.0, 12), (0.0, 6), (-0.75, 9)]:
        _check(kata, x, N)


def handles_cancellation_for_negative_x(kata):
    for x, N in [(-10.0, 40), (-20.0, 70), (-30.0, 100), (-5.5, 25)]:
        _check(kata, x, N)


def works_entrywise_on_arrays(kata):
    _check(kata, np.array([-2.0, -0.5, 0.0, 0.5, 1.0, 3.0]), 8)
    _check(kata, np.array([[0.1, -0.2], [1.5, -4.0], [7.0, 0.0]]), 15)
    _check(kata, np.array([2.5]), 1)


def is_close_to_numpy_exp_within_the_first_omitted_term(kata):
    rng = np.random.default_rng(11)
    x = rng.uniform(-3.0, 3.0, size=9)
    for N in (8, 12, 20, 30):
        got = np.asarray(_check(kata, x, N), dtype=float)
        first_omitted = np.abs(x) ** N / math.factorial(N)
        # truncation, the contract's TOL * sum |x|^n / n! (below TOL * e^|x|), numpy.exp's rounding
        bound = (first_omitted * (N + 1) / (N + 1 - np.abs(x)) + TOL * np.exp(np.abs(x))
                 + 2.0**-52 * np.exp(x))
        expect(bool(np.all(np.abs(got - np.exp(x)) <= bound)),
               f"with N = {N} the error against numpy.exp is larger than the first omitted "
               f"term allows: errors {np.abs(got - np.exp(x))}, bounds {bound}")


@given(st.floats(-30.0, 30.0), st.integers(1, 60))
def matches_the_exact_sum_for_any_float(kata, x, N):
    _check(kata, x, N)


@given(float_arrays(-8.0, 8.0), st.integers(1, 30))
def matches_the_exact_sum_for_any_array(kata, x, N):
    _check(kata, x, N)
