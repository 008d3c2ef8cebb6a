"""Hidden checks for ch10/kahan_sum.

Oracle: math.fsum, which returns the exactly rounded sum. The error of the learner's result
against the exact sum is itself measured with math.fsum([x_1, ..., x_n, -result]), and the
bound 2 * eps * sum(abs(x)) with NumPy's sum of the absolute values (its own error, ~1e-13
relative, is immaterial next to the bound).
"""

import itertools
import math

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from pytest_numkata.checking import call, expect_close, fail, is_close, short_repr

EPS = 2.0**-53


def _naive(values):
    total = 0.0
    for x in values:
        total += x
    return total


def _kahan_wrong_sign(values):
    total = lost = 0.0
    for x in values:
        y = x + lost
        t = total + y
        lost = (t - total) - y
        total = t
    return total


def _mistakes(values, atol):
    def matches(fn):
        return lambda got: is_close(got, fn(values), rtol=0.0, atol=atol)

    return {
        "that is plain left-to-right summation: every addition's rounding error is lost (is a "
        "compensation computed but never applied to the next term?)": matches(_naive),
        "the compensation has the wrong sign: it doubles the lost part instead of cancelling "
        "it - feed back y = x - c with c = (t - total) - y": matches(_kahan_wrong_sign),
        "sorting the values and then summing left to right still rounds after every "
        "addition; it does not compensate": lambda got: is_close(
            got, _naive(sorted(values)), rtol=0.0, atol=atol),
        "that is np.sum, whose pairwise summation has an error that grows (slowly) with the "
        "length of the input and breaks the bound here": matches(
            lambda v: float(np.sum(np.asarray(v, dtype=np.float64)))),
    }


def _check(kata, values, *, unchanged=False):
    array = np.array(values, dtype=np.float64)  # a copy: the learner's input stays as it was
    values_list = array.tolist()
    got = call(kata.kahan_sum, values, unchanged=unchanged)
    # The bound needs no exact sum: NumPy's pairwise sum of |x| is within ~1e-13 relative.
    bound = 2 * EPS * float(np.sum(np.abs(array)))
    try:
        # exact: math.fsum rounds once, and the result is 0 only when got is the exact sum
        error = abs(math.fsum(itertools.chain(values_list, (-float(got),))))
    except (TypeError, ValueError, OverflowError):
        error = math.inf
    if error <= bound:
        return
    expected = math.fsum(values_list)
    mistakes = _mistakes(values_list, bound)
    if len(values_list) > 100_000:  # keep the diagnosis of a long input cheap
        mistakes = dict(list(mistakes.items())[:1])
    expect_close(got, expected, rtol=0.0, atol=bound, mistakes=mistakes)
    fail(f"kahan_sum({short_repr(values)})\n  returned  {got!r}\n  its error against the exact "
         f"sum is {error:.3g}, above the bound 2 * eps * sum(abs(x)) = {bound:.3g}")


def sums_small_examples(kata):
    for values in ([1.0, 2.0, 3.0], [0.5], [-1.5, 2.25, 1e-3], [0.1, 0.2, 0.3], [1e300, -1e300]):
        _check(kata, values)


def sums_an_empty_sequence_to_zero(kata):
    _check(kata, [])


def keeps_tiny_terms_after_a_large_one(kata):
    # 1.0 then many terms below half a unit in the last place of 1.0.
    _check(kata, [1.0] + [1e-16] * 1000)
    _check(kata, ([1.0] + [1e-16] * 10) * 100)
    _check(kata, [-1.0] + [1e-17] * 1000)


def keeps_the_low_bits_of_repeated_tenths(kata):
    _check(kata, [0.1] * 100_000)


def handles_values_spread_over_many_magnitudes(kata):
    rng = np.random.default_rng(10)
    values = rng.standard_normal(5000) * 10.0 ** rng.uniform(-8, 8, 5000)
    _check(kata, values)


def handles_large_cancelling_values(kata):
    _check(kata, [1e16, 1.0, -1e16, 3.0, 1e16, -1e16, 0.5] * 50)
    rng = np.random.default_rng(11)
    big = rng.uniform(1e10, 1e12, 500)
    small = rng.uniform(0, 1, 2000)
    values = np.concatenate([big, small, -big])
    _check(kata, values)


def accepts_lists_tuples_and_arrays(kata):
    values = [1.0] + [1e-16] * 20
    for form in (list(values), tuple(values), np.array(values)):
        _check(kata, form)


def leaves_the_input_unchanged(kata):
    rng = np.random.default_rng(13)
    _check(kata, rng.standard_normal(100), unchanged=True)
    _check(kata, [3.0, 1.0, 2.0], unchanged=True)


@given(st.lists(st.floats(-1e6, 1e6), max_size=60))
def meets_the_bound_for_any_values(kata, values):
    _check(kata, values)


@given(st.lists(st.sampled_from([1.0, -1.0, 1e-16, -1e-16, 3e-17, 0.5, 1e8, -1e8]), max_size=80))
def meets_the_bound_when_magnitudes_clash(kata, values):
    _check(kata, values)


def sums_a_million_values(kata):
    # Last in the module: the slowest check (about 0.3 s for a Python loop over 10**6 values).
    rng = np.random.default_rng(12)
    _check(kata, rng.random(10**6))
