"""Hidden checks for ch07/second_derivative.

Oracle: the quotient evaluated with mpmath at 50 significant digits, h = 1/10 exactly.
"""

import mpmath

from pytest_numkata.checking import answer, expect_answer_close


def _quotient(divisor):
    with mpmath.workdps(50):
        h = mpmath.mpf(1) / 10
        numerator = mpmath.exp(1 + h) - 2 * mpmath.e + mpmath.exp(1 - h)
        return float(numerator / divisor(h))


def matches_the_second_difference(kata):
    expected = _quotient(lambda h: h**2)
    expect_answer_close(
        answer(kata),
        expected,
        rtol=1e-6,
        mistakes={
            "that is the true value e: the kata asks for the finite-difference estimate":
                float(mpmath.e),
            "the three exponentials were rounded before subtracting: the numerator is a small "
            "difference of numbers near 3, so keep full precision":
                lambda got: abs(float(got) - expected) < 2e-3,
            "the numerator was divided by h instead of h**2": _quotient(lambda h: h),
            "the numerator was divided by 2 h**2: the second difference divides by h**2 only":
                _quotient(lambda h: 2 * h**2),
            "the numerator was divided by (2h)**2: the points are h apart from x, so divide by "
            "h**2": _quotient(lambda h: (2 * h) ** 2),
        },
    )
