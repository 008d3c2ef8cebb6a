"""Hidden checks for ch07/forward_difference.

Oracle: the difference quotient in exact rational arithmetic (fractions.Fraction), h = 1/100.
"""

from pytest_numkata.checking import answer, expect_answer_close
from ._differences import H, TRUE, backward, central, forward


def matches_the_forward_quotient(kata):
    expect_answer_close(
        answer(kata),
        float(forward()),
        rtol=1e-9,
        mistakes={
            "that is the true derivative 3 * 2**2: the kata asks for the forward-difference "
            "estimate": float(TRUE),
            "that is the central difference (f(x + h) - f(x - h)) / 2h, not the forward one":
                float(central()),
            "that is the backward difference (f(x) - f(x - h)) / h: step forwards, to x + h":
                float(backward()),
            "the difference was divided by 2h: the forward step spans only h":
                float(forward() / 2),
            "that is the error of the estimate (estimate - 12), not the estimate":
                float(forward() - TRUE),
            "the difference f(x + h) - f(x) was not divided by h": float(forward() * H),
        },
    )
