"""Hidden checks for ch01/log_sum_exp.

Oracle: mpmath at 40 significant digits, which has no overflow (its exponents are unbounded).
"""

import math

import mpmath
import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from pytest_numkata.checking import call, expect_close

RTOL = ATOL = 1e-12


def _oracle(x):
    with mpmath.workdps(40):
        return float(mpmath.log(mpmath.fsum(mpmath.exp(mpmath.mpf(v)) for v in x)))


def _mistakes(x, expected):
    m = max(float(v) for v in x)
    return {
        "exp(x) overflowed to inf: shift by max(x) before exponentiating":
            lambda got: got is not None and math.isinf(float(got)) and got > 0,
        "the shift was not added back: the result is log(sum(exp(x - m))) without + m":
            expected - m,
        "every term underflowed to 0 (log(0) = -inf): shift by the max, not the min or the mean":
            lambda got: got is not None and math.isinf(float(got)) and got < 0,
    }


def _check(kata, x):
    expected = _oracle(x)
    expect_close(call(kata.log_sum_exp, x), expected, rtol=RTOL, atol=ATOL,
                 mistakes=_mistakes(x, expected))


def matches_small_examples(kata):
    for x in ([0.0], [1.0, 2.0, 3.0], [10.0, 20.0, 30.0], [-3.5, 0.25, 2.0, -1.0], [0.0, 0.0]):
        _check(kata, x)


def survives_large_logits(kata):
    for x in ([1000.0, 1000.0], [1000.0, 1001.0, 999.0], [710.0], [1e300, 1e300, -1e300]):
        _check(kata, x)


def survives_very_negative_logits(kata):
    for x in ([-1000.0, -1000.0], [-800.0, -801.0], [-1e300, -1e300]):
        _check(kata, x)


def accepts_lists_tuples_and_arrays(kata):
    x = [0.5, -1.5, 2.25]
    for form in (list(x), tuple(x), np.array(x)):
        _check(kata, form)


def answers_near_zero_to_the_absolute_tolerance(kata):
    half = math.log(0.5)
    _check(kata, [half, half])  # log(2 * 0.5) = 0


@given(st.lists(st.floats(-1e300, 1e300), min_size=1, max_size=12))
def matches_the_oracle_for_any_finite_logits(kata, x):
    _check(kata, x)


@given(st.lists(st.floats(-50, 50), min_size=1, max_size=8), st.floats(-1e6, 1e6))
def shifting_every_logit_shifts_the_result(kata, x, c):
    shifted = [v + c for v in x]
    _check(kata, shifted)


def leaves_the_input_unchanged(kata):
    x = np.array([3.0, 1.0, 2.0])
    call(kata.log_sum_exp, x, unchanged=True)
