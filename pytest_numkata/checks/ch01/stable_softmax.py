"""Hidden checks for ch01/stable_softmax.

Oracle: mpmath at 40 significant digits on the exact input floats (mpmath's exponent range is
unbounded, so nothing overflows or underflows).
"""

import math

import mpmath
import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from pytest_numkata.checking import call, expect, expect_close, fail, is_close

ATOL = 1e-12
LOGITS = st.lists(st.floats(-1e300, 1e300), min_size=1, max_size=12)


def _oracle(x):
    x = [float(v) for v in x]
    with mpmath.workdps(40):
        m = mpmath.mpf(max(x))
        terms = [mpmath.exp(mpmath.mpf(v) - m) for v in x]
        total = mpmath.fsum(terms)
        return np.array([float(t / total) for t in terms])


def _unnormalised(x):
    x = [float(v) for v in x]
    with mpmath.workdps(40):
        m = mpmath.mpf(max(x))
        return np.array([float(mpmath.exp(mpmath.mpf(v) - m)) for v in x])


def _via_log_sum_exp(x):
    x = np.asarray(x, dtype=np.float64)
    m = np.max(x)
    return np.exp(x - (m + np.log(np.sum(np.exp(x - m)))))


def _mistakes(x):
    return {
        "exp overflowed to inf or underflowed to 0, and inf / inf or 0 / 0 is nan: subtract "
        "max(x) from every logit before exponentiating":
            lambda got: bool(np.isnan(np.asarray(got, dtype=float)).any()),
        "exp(x - logsumexp(x)) breaks for huge logits (1e300 + log(2) rounds to 1e300, so the "
        "entries no longer sum to 1): divide the shifted exponentials by their sum instead":
            lambda got: is_close(got, _via_log_sum_exp(x), 0, ATOL),
        "the shifted exponentials were not divided by their sum":
            lambda got: is_close(got, _unnormalised(x), 0, ATOL),
        "that is the log-softmax x - log(sum(exp(x))); exponentiate it":
            lambda got: bool((np.asarray(got, dtype=float) < 0).any()),
    }


def _result(kata, x, **kwargs):
    got = call(kata.softmax, x, **kwargs)
    if not isinstance(got, np.ndarray):
        fail(f"softmax({x!r})\n  returned a {type(got).__name__}; the contract asks for a NumPy "
             f"array (wrap the result in np.asarray)")
    return got


def _check(kata, x):
    got = _result(kata, x)
    expect_close(got, _oracle(x), rtol=0, atol=ATOL, mistakes=_mistakes(x))


def matches_small_examples(kata):
    for x in ([0.0], [1.0, 2.0, 3.0], [0.0, 0.0], [-3.5, 0.25, 2.0, -1.0], [5.0, -5.0]):
        _check(kata, x)


def survives_large_logits(kata):
    for x in ([1000.0, 1001.0, 999.0], [1000.0, 1000.0], [710.0, 0.0], [1e300, 1e300, -1e300],
              [1e300, 1e300 * (1 - 2**-52)]):
        _check(kata, x)


def survives_very_negative_logits(kata):
    for x in ([-1000.0, -1000.0], [-800.0, -801.0, -799.5], [-1e300, -1e300]):
        _check(kata, x)


def returns_a_float64_array_of_the_same_length(kata):
    for x in ([0.5, -1.5, 2.25], [3.0], [1.0, 2.0, 3.0, 4.0]):
        got = _result(kata, x)
        expect(got.dtype == np.float64, f"the result has dtype {got.dtype}; the contract asks "
                                        f"for float64")
        expect(got.shape == (len(x),), f"the result has shape {got.shape}; expected "
                                       f"({len(x)},), one probability per logit")


def accepts_lists_tuples_and_arrays(kata):
    x = [0.5, -1.5, 2.25]
    for form in (list(x), tuple(x), np.array(x)):
        _check(kata, form)


@given(LOGITS)
def matches_the_oracle_for_any_finite_logits(kata, x):
    _check(kata, x)


@given(LOGITS)
def entries_are_probabilities_that_sum_to_one(kata, x):
    got = np.asarray(_result(kata, x), dtype=np.float64)
    expect(got.shape == (len(x),), f"the result has shape {got.shape}; expected ({len(x)},)")
    expect(bool(np.all(np.isfinite(got))), "some entries are not finite (inf or nan): subtract "
                                           "max(x) before exponentiating")
    expect(bool(np.all((got >= 0) & (got <= 1))), "some entries lie outside [0, 1]")
    total = math.fsum(got.tolist())
    expect(abs(total - 1) <= 1e-12, f"the entries sum to {total!r}, not 1 (within 1e-12)")


@given(st.lists(st.floats(-50, 50), min_size=1, max_size=8), st.floats(-1e6, 1e6))
def shifting_every_logit_changes_nothing(kata, x, c):
    shifted = [v + c for v in x]
    _check(kata, shifted)


def equal_logits_give_a_uniform_distribution(kata):
    for n in (1, 2, 3, 7):
        for v in (0.0, 1e4, -1e4, 1e300):
            _check(kata, [v] * n)


def leaves_the_input_unchanged(kata):
    x = np.array([3.0, 1.0, 2.0, 1000.0])
    _result(kata, x, unchanged=True)
