"""Hidden checks for ch06/simpson_by_hand.

Oracle: the rule evaluated in exact rational arithmetic with fractions.Fraction.
"""

from fractions import Fraction

from pytest_numkata.checking import answer, expect_answer_close

N = 4


def matches_the_simpson_sum(kata):
    h = Fraction(1, N)
    y = [(i * h) ** 2 for i in range(N + 1)]
    weighted = y[0] + 4 * y[1] + 2 * y[2] + 4 * y[3] + y[4]
    expected = h / 3 * weighted
    expect_answer_close(
        answer(kata),
        float(expected),
        rtol=1e-12,
        mistakes={
            "the weighted sum was not multiplied by h/3": float(weighted),
            "the weighted sum was multiplied by h/6 instead of h/3": float(h / 6 * weighted),
            "the weighted sum was multiplied by h/2 instead of h/3": float(h / 2 * weighted),
            "the weights 4 and 2 are swapped: odd-indexed nodes (x_1, x_3) get 4, even interior "
            "nodes get 2": float(h / 3 * (y[0] + 2 * y[1] + 4 * y[2] + 2 * y[3] + y[4])),
            "that is the trapezoidal rule (weights 1, 2, 2, 2, 1 times h/2), not Simpson's":
                float(h / 2 * (y[0] + 2 * (y[1] + y[2] + y[3]) + y[4])),
            "trapezoid weights 1, 2, 2, 2, 1 with Simpson's h/3: the interior weights alternate "
            "4, 2, 4": float(h / 3 * (y[0] + 2 * (y[1] + y[2] + y[3]) + y[4])),
        },
    )
