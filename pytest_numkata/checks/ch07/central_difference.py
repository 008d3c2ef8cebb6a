"""Hidden checks for ch07/central_difference.

Oracle: the difference quotient in exact rational arithmetic (fractions.Fraction), h = 1/100.
"""

from pytest_numkata.checking import answer, expect_answer_close
from ._differences import TRUE, backward, central, forward


def matches_the_central_quotient(kata):
    expect_answer_close(
        answer(kata),
        float(central()),
        rtol=1e-9,
        mistakes={
            "that is the true derivative 3 * 2**2: the kata asks for the central-difference "
            "estimate": float(TRUE),
            "that is the forward difference (f(x + h) - f(x)) / h, not the central one":
                float(forward()),
            "that is the backward difference (f(x) - f(x - h)) / h, not the central one":
                float(backward()),
            "the difference was divided by h: the two points are 2h apart":
                float(2 * central()),
            "that is the error of the estimate (estimate - 12), not the estimate":
                float(central() - TRUE),
        },
    )
