"""Hidden checks for ch01/variance.

Oracle: fractions.Fraction computes the exact population variance of the given floats.
"""

import math
from fractions import Fraction

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from pytest_numkata.checking import call, expect, expect_close, is_close

RTOL = 1e-6
SLACK = 1e-20


def _exact(x):
    values = [Fraction(float(v)) for v in x]
    mean = sum(values) / len(values)
    return sum((v - mean) ** 2 for v in values) / len(values)


def _shortcut(x):
    """E[X^2] - E[X]^2, evaluated the two ways a learner might (a loop, or NumPy)."""
    values = [float(v) for v in x]
    n = len(values)
    total = square_total = 0.0
    for v in values:
        total += v
        square_total += v * v
    loop = square_total / n - (total / n) ** 2
    arr = np.asarray(values)
    vectorised = float(np.mean(arr * arr) - np.mean(arr) ** 2)
    return loop, vectorised


def _mistakes(x, exact):
    n = len(x)
    loop, vectorised = _shortcut(x)
    true = float(exact)
    return {
        "the variance came out negative: E[X^2] - E[X]^2 subtracts two huge, nearly equal "
        "numbers and cancels catastrophically - subtract the mean from each value first":
            lambda got: float(got) < 0,
        "that is E[X^2] - E[X]^2, which loses every digit when the mean is large compared with "
        "the spread: compute the mean first, then average the squared deviations (x - mean)**2":
            lambda got: is_close(got, loop, 1e-9, 0) or is_close(got, vectorised, 1e-9, 0),
        "clamping at 0 hides the negative sign, not the error: the cancelled formula itself must "
        "go": lambda got: float(got) == 0 and true > 0,
        "that divides by n - 1 (the sample variance); the contract asks the population variance, "
        "divide by n": None if n == 1 else float(exact * n / (n - 1)),
        "that is the standard deviation; the variance is its square": math.sqrt(true),
    }


def _check(kata, x):
    exact = _exact(x)
    atol = SLACK * max(float(v) ** 2 for v in x)
    got = call(kata.variance, x)
    mistakes = {k: v for k, v in _mistakes(x, exact).items() if v is not None}
    expect_close(got, float(exact), rtol=RTOL, atol=atol, mistakes=mistakes)


def matches_small_examples(kata):
    for x in ([1.0, 2.0, 3.0, 4.0], [5.0], [2.0, 2.0], [-1.0, 1.0], [0.5, -2.25, 7.0, 3.5, 0.0]):
        _check(kata, x)


def is_never_negative_when_the_mean_is_large(kata):
    for x in ([1e8 + 0.1, 1e8 + 0.2, 1e8 + 0.4], [1e8 + 0.1, 1e8 + 0.2, 1e8 + 0.9],
              [1e8 + 0.1, 1e8 + 0.5, 1e8 + 0.5]):
        _check(kata, x)
        got = call(kata.variance, x)
        expect(float(got) >= 0, f"returned {got!r}: a variance is never negative")


def stays_accurate_when_the_mean_is_1e8_times_the_spread(kata):
    for x in ([1e8 + 1, 1e8 - 1], [1e9, 1e9 + 1, 1e9 + 2, 1e9 + 3],
              [1e6, 1e6 + 0.01], [-3e8 - 2, -3e8 + 2, -3e8 + 1]):
        _check(kata, x)


def accepts_lists_tuples_and_arrays(kata):
    x = [1e8 + 0.25, 1e8 - 0.5, 1e8 + 1.0]
    for form in (list(x), tuple(x), np.array(x)):
        _check(kata, form)


def equal_values_have_zero_variance(kata):
    for x in ([3.0] * 4, [1e8] * 5, [-2.5] * 2):
        _check(kata, x)


@given(st.lists(st.floats(-1, 1), min_size=2, max_size=40).filter(lambda u: max(u) - min(u) > 1e-3),
       st.floats(1e-3, 1e3), st.sampled_from([1.0, -1.0]))
def stays_accurate_for_any_data_far_from_zero(kata, u, spread, sign):
    x = [sign * 1e8 * spread + spread * v for v in u]
    _check(kata, x)


def _floats(limit):
    """Finite floats that are 0 or of magnitude between 1e-100 and `limit`, as the contract says."""
    return st.floats(-limit, limit).map(lambda v: v if abs(v) >= 1e-100 else 0.0)


@given(st.lists(_floats(1e6), min_size=1, max_size=40))
def matches_the_exact_variance_for_ordinary_data(kata, x):
    _check(kata, x)


@given(st.lists(_floats(1e100), min_size=1, max_size=10))
def handles_large_magnitudes(kata, x):
    _check(kata, x)


def leaves_the_input_unchanged(kata):
    x = np.array([1e8 + 0.1, 1e8 + 0.2, 1e8 + 0.4])
    call(kata.variance, x, unchanged=True)
