"""Hidden checks for ch07/error_ratio.

Oracle: both difference quotients in exact rational arithmetic (fractions.Fraction).
"""

from fractions import Fraction

from pytest_numkata.checking import answer, expect_answer_close
from ._differences import H, TRUE, X, central, forward


def matches_the_ratio_of_the_actual_errors(kata):
    fwd = abs(forward() - TRUE)
    cen = abs(central() - TRUE)
    # leading-order terms: f''(2) h / 2 with f'' = 6x, and f'''(2) h**2 / 6 with f''' = 6
    leading = (6 * X * H / 2) / (Fraction(6) * H**2 / 6)
    expect_answer_close(
        answer(kata),
        float(fwd / cen),
        rtol=1e-6,
        mistakes={
            "that is the ratio of the leading-order terms (f''h/2) / (f'''h**2/6); the forward "
            "difference of x**3 also carries an h**2 term, so the actual errors differ":
                float(leading),
            "the ratio is upside down: forward error / central error is the larger one":
                float(cen / fwd),
            "that is 1/h, the order of growth, not the ratio itself": float(1 / H),
        },
    )
