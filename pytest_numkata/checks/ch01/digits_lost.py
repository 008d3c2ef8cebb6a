"""Hidden checks for ch01/digits_lost.

Oracle: the decimals are read exactly with fractions.Fraction, and mpmath takes the log10.
"""

from fractions import Fraction

import mpmath

from pytest_numkata.checking import answer, expect_answer_close

A = Fraction("1.234567")
B = Fraction("1.234566")


def _log10(q):
    with mpmath.workdps(30):
        return float(mpmath.log10(mpmath.mpf(q.numerator) / q.denominator))


def matches_log10_of_a_over_the_difference(kata):
    diff = abs(A - B)
    expected = _log10(abs(A) / diff)
    expect_answer_close(
        answer(kata),
        expected,
        rtol=0,
        atol=0.005,
        mistakes={
            "that is log10(1 / |a - b|): divide |a| by |a - b|, not 1": _log10(1 / diff),
            "the sign is flipped: that is log10(|a - b| / |a|), which is negative": -expected,
            "that is the number of digits left over (7 - 6), not the number lost":
                lambda got: abs(got - 1) < 0.1,
            "that uses the natural log; digits are counted with log10":
                float(mpmath.log(mpmath.mpf(1234567))),
        },
    )
