"""Hidden checks for ch04/convergence_rate.

Oracle: the Newton run on x**2 - 2 from 1 in exact fractions, errors taken against sqrt(2)
with mpmath at 50 digits.
"""

import mpmath

from pytest_numkata.checking import answer, expect_answer_close
from ._sqrt2_newton import exact_iterates

RTOL = 1e-6


def _errors(n):
    xs = exact_iterates(n)
    with mpmath.workdps(50):
        root = mpmath.sqrt(2)
        return [mpmath.mpf(v.numerator) / v.denominator - root for v in xs]


def matches_the_ratio_at_step_two(kata):
    e = _errors(3)
    with mpmath.workdps(50):
        expected = float(abs(e[2]) / e[1] ** 2)
        limit = float(1 / (2 * mpmath.sqrt(2)))
        linear = float(abs(e[2] / e[1]))
        first = float(abs(e[1]) / e[0] ** 2)
        inverted = float(e[1] ** 2 / abs(e[2]))
    expect_answer_close(
        float(answer(kata)),
        expected,
        rtol=RTOL,
        mistakes={
            "that is the limiting constant C = f''(r) / (2 f'(r)) = 1/(2*sqrt(2)); the question asks "
            "the ratio measured at step 2, which is not yet at the limit": lambda got: abs(got - limit) < 2e-3,
            "that is abs(e2) / abs(e1): square e1 in the denominator": linear,
            "that is abs(e1) / e0**2, the ratio at step 1: use e2 and e1": first,
            "the ratio is upside down: abs(e2) / e1**2, not e1**2 / abs(e2)": inverted,
            "close, but e1 and e2 were rounded before dividing: carry more digits":
                lambda got: abs(got - expected) < 5e-3,
        },
    )
