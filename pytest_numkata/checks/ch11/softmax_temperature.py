"""Hidden checks for ch11/softmax_temperature.

Oracle: mpmath at 40 digits (no overflow, exponents unbounded) on x_i / T taken exactly.
"""

import math

import mpmath
import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from pytest_numkata.checking import call, expect, expect_close, expect_raises, is_close

RTOL, ATOL = 1e-9, 1e-12


def _softmax(x, T):
    with mpmath.workdps(40):
        z = [mpmath.mpf(float(v)) / mpmath.mpf(T) for v in x]
        top = max(z)
        e = [mpmath.exp(v - top) for v in z]
        s = mpmath.fsum(e)
        return np.array([float(v / s) for v in e])


UNNORMALISED = ("the entries were not divided by their own sum - e.g. exp(x/T - logsumexp(x/T)): "
                "for |x|/T near 1e6 the log-sum carries a rounding error near 1e-10 that shifts "
                "every entry the same way, so they no longer sum to 1; divide the shifted "
                "exponentials by their sum")


def _mistakes(x, T):
    return {
        "exp overflowed (inf/inf = nan): shift x / T by its maximum before exponentiating":
            lambda got: got is not None and not np.all(np.isfinite(np.asarray(got, float))),
        "T applied after exponentiating: e**x / T normalises back to plain softmax(x); "
        "divide the logits by T before exp": _softmax(x, 1.0),
        "multiplied by T: the logits are divided by T, so small T sharpens":
            _softmax(x, 1.0 / T) if T != 1.0 else None,
    }


def _check(kata, x, T):
    got = call(kata.softmax_temperature, x, T, unchanged=True)
    expected = _softmax(x, T)
    if is_close(got, expected, RTOL, ATOL):
        arr = np.asarray(got, dtype=float)
        total = math.fsum(arr)
        expect(abs(total - 1.0) <= 1e-12,
               f"the entries sum to {total!r}, which is {abs(total - 1.0):.2g} away from 1 (the "
               f"contract allows 1e-12)\n  likely mistake: {UNNORMALISED}")
        return
    expect_close(got, expected, rtol=RTOL, atol=ATOL,
                 mistakes={k: v for k, v in _mistakes(x, T).items() if v is not None})


def matches_small_examples(kata):
    logits = [2.0, 1.0, 0.1, -1.0]
    for T in (0.01, 0.1, 0.5, 1.0, 2.0, 10.0, 100.0):
        _check(kata, logits, T)
    _check(kata, [0.0], 0.3)
    _check(kata, [3.0, 3.0], 0.05)


def stays_finite_for_small_temperatures(kata):
    rng = np.random.default_rng(3)
    for T in (1e-3, 1e-2):
        x = rng.uniform(-100, 100, size=100)
        _check(kata, x, T)
        _check(kata, np.round(x), T)  # ties included
    _check(kata, [1.0, 2.0, 3.0], 1e-3)
    _check(kata, [-1000.0, -999.0, -998.5], 1e-3)


def sums_to_one_when_the_top_logits_tie_at_small_temperatures(kata):
    # x / T near 1e6: k tied top logits and the rest a few units below (exp of those is 0)
    for top in (999.0, -998.7, 500.25):
        for k in (2, 7, 100):
            x = [top] * k + list(np.linspace(top - 5.0, top - 1.0, 100 - k))
            _check(kata, x, 1e-3)


def accepts_lists_tuples_and_arrays(kata):
    x = [0.5, -1.5, 2.25]
    for form in (list(x), tuple(x), np.array(x)):
        _check(kata, form, 0.7)


def rejects_non_positive_temperatures(kata):
    for T in (0.0, -1.0, -1e-3):
        expect_raises(ValueError, kata.softmax_temperature, [1.0, 2.0, 3.0], T)


def large_temperatures_tend_to_uniform(kata):
    x = np.array([2.0, 1.0, 0.1, -1.0])
    T = 1e4
    got = np.asarray(call(kata.softmax_temperature, x, T), dtype=float)
    taylor = 1 / len(x) + (x - x.mean()) / (len(x) * T)  # first-order Taylor in 1/T
    expect(np.allclose(got, taylor, rtol=0, atol=1e-8),
           f"for T = {T} the result should be close to 1/n + (x - mean(x)) / (n T) = {taylor}")


@given(st.lists(st.floats(-1000, 1000), min_size=1, max_size=12),
       st.floats(1e-3, 1e3))
def matches_the_oracle_for_any_logits(kata, x, T):
    _check(kata, x, T)
