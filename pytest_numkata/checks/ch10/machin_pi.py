"""Hidden checks for ch10/machin_pi.

Oracle: the partial sum evaluated term by term in mpmath at 40 digits (the float x is exact in
mpmath), and mpmath.pi for Machin's identity.
"""

import math

import mpmath
from hypothesis import given
from hypothesis import strategies as st

from pytest_numkata.checking import call, expect, expect_close, is_close

ATOL = 1e-12


def _series(x, N):
    with mpmath.workdps(40):
        x = mpmath.mpf(x)
        x2, power, total = x * x, x, mpmath.mpf(0)
        for n in range(N):
            total += (power if n % 2 == 0 else -power) / (2 * n + 1)
            power *= x2
        return float(total)


def _wrong_series(x, N, *, power=lambda n: 2 * n + 1, signs=True):
    """A mistaken variant in floats (math.fsum), accurate enough to recognise it."""
    if x == 0 and power(0) < 0:
        return math.nan
    return math.fsum((-1) ** (n if signs else 0) * x ** power(n) / (2 * n + 1)
                     for n in range(max(N, 0)))


def _is(x, N, **kw):
    return lambda got: is_close(got, _wrong_series(x, N, **kw), rtol=0.0, atol=ATOL)


def _mistakes(x, N):
    return {
        "the power is x**(2n), not x**(2n+1): the series starts with x, not 1":
            _is(x, N, power=lambda n: 2 * n),
        "the signs do not alternate: the terms are (-1)**n * x**(2n+1) / (2n+1)":
            _is(x, N, signs=False),
        "that is N + 1 terms: n runs from 0 to N - 1": _is(x, N + 1),
        "that is N - 1 terms: n runs from 0 to N - 1, N terms in all": _is(x, N - 1),
        "the power is x**(2n-1)": _is(x, N, power=lambda n: 2 * n - 1),
    }


def _check(kata, x, N):
    expect_close(call(kata.arctan_series, x, N), _series(x, N), rtol=0.0, atol=ATOL,
                 mistakes=_mistakes(x, N))


def matches_small_examples(kata):
    for x, N in ((0.5, 1), (0.5, 2), (0.5, 3), (0.5, 30), (1.0, 10), (0.2, 5), (-0.7, 12),
                 (1 / 239, 3), (0.9, 1000), (-1.0, 999)):
        _check(kata, x, N)


def gives_zero_for_no_terms(kata):
    for x in (0.5, 1.0, -0.3):
        _check(kata, x, 0)


def reaches_leibniz_slowly(kata):
    # 1000 terms of Leibniz's series leave an error near 1/(4 * 1000) in pi/4.
    _check(kata, 1.0, 1000)


def gives_pi_by_machins_identity(kata):
    a5 = call(kata.arctan_series, 1 / 5, 11)
    a239 = call(kata.arctan_series, 1 / 239, 11)
    approx = 4 * (4 * a5 - a239)
    # 11 terms leave truncation errors below 1e-17; each call may be off by 1e-12.
    expect(abs(approx - float(mpmath.pi)) <= 20 * ATOL,
           f"4 * (4 * arctan_series(1/5, 11) - arctan_series(1/239, 11)) = {approx!r}, "
           f"but pi = {float(mpmath.pi)!r}")


@given(st.floats(-1.0, 1.0), st.integers(0, 60))
def matches_the_partial_sum_for_any_x(kata, x, N):
    _check(kata, x, N)
