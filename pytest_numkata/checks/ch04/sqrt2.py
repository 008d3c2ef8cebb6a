"""Hidden checks for ch04/sqrt2.

Oracle: four Newton steps on x**2 - 2 from 1, in exact rational arithmetic.
"""

import math

from pytest_numkata.checking import answer, expect_answer_close
from ._sqrt2_newton import exact_iterates

RTOL = 1e-13


def _iterates(n):
    return [float(v) for v in exact_iterates(n)]


def matches_the_fourth_newton_iterate(kata):
    xs = _iterates(5)
    x4 = xs[4]
    expect_answer_close(
        float(answer(kata)),
        x4,
        rtol=RTOL,
        mistakes={
            "that is sqrt(2) itself (or x5 and beyond): x4 is still about 1.6e-12 above the root, "
            "so carry the fourth step exactly": lambda got: math.isclose(got, math.sqrt(2), rel_tol=RTOL),
            "that is x3: one Newton step too few": xs[3],
            "close, but not precise enough: give x4 to 14 significant digits or exactly (rounding the "
            "answer or the intermediate iterates loses the digits that tell x4 from sqrt(2))":
                lambda got: abs(got - x4) < 1e-6,
        },
    )
