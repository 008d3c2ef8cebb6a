"""Hidden checks for ch06/monte_carlo_vs_trapezoid.

Oracle: the smallest n with 1 / (12 n**2) < 10**-6, searched in exact rational arithmetic.
"""

import functools
import math
from fractions import Fraction

from pytest_numkata.checking import answer, expect_answer_equal

TARGET = Fraction(1, 10**6)


def _bound(n, h_scale=Fraction(1, 12)):
    return h_scale / (n * n)


@functools.cache  # the same for every answer graded in this process
def _smallest(h_scale=Fraction(1, 12)):
    n = 1
    while _bound(n, h_scale) >= TARGET:
        n += 1
    return n


def matches_the_smallest_n(kata):
    expected = _smallest()
    root = math.sqrt(10**6 / 12)
    expect_answer_equal(
        answer(kata),
        expected,
        mistakes={
            "that is rounded down: n must be larger than sqrt(10**6 / 12), so round up":
                expected - 1,
            "a number of intervals is a whole number: take the smallest integer above "
            "sqrt(10**6 / 12)": lambda got: float(got) != int(got) and abs(got - root) < 1,
            "that counts nodes (n + 1), the kata asks for intervals": expected + 1,
            "that is n**2 (or 10**6 / 12): take its square root":
                lambda got: abs(float(got) - 10**6 / 12) <= 1,
            "the factor 1/12 was dropped from the bound": _smallest(Fraction(1)),
            "the factor 1/12 was dropped from the bound (and n rounded down)":
                _smallest(Fraction(1)) - 1,
            "that is the Monte Carlo sample count, not the trapezoid's intervals":
                lambda got: abs(float(got) - 1e12) <= 1e6,
        },
    )
