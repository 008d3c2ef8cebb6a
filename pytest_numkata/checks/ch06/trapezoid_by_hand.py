"""Hidden checks for ch06/trapezoid_by_hand.

Oracle: the rule evaluated in exact rational arithmetic with fractions.Fraction.
"""

from fractions import Fraction

from pytest_numkata.checking import answer, expect_answer_close

N = 4


def _nodes_and_values():
    h = Fraction(1, N)
    xs = [i * h for i in range(N + 1)]
    return h, [x * x for x in xs]


def matches_the_trapezoid_sum(kata):
    h, y = _nodes_and_values()
    weighted = y[0] + 2 * sum(y[1:-1]) + y[-1]
    expected = h / 2 * weighted
    expect_answer_close(
        answer(kata),
        float(expected),
        rtol=1e-12,
        mistakes={
            "that is the exact integral 1/3 (Simpson's rule also gives it, being exact for x**2): "
            "the kata asks for what the trapezoidal rule gives":
                float(Fraction(1, 3)),
            "the weighted sum was not multiplied by h/2": float(weighted),
            "the weighted sum was multiplied by h instead of h/2": float(h * weighted),
            "that is a left Riemann sum (h times f at x_0 .. x_3): the end nodes get weight 1/2 "
            "and the interior nodes weight 1, all times h": float(h * sum(y[:-1])),
            "that is a right Riemann sum (h times f at x_1 .. x_4), or every node with weight 1 "
            "(f(x_0) = 0 here): the end nodes get weight 1/2 and the interior nodes weight 1, "
            "all times h": float(h * sum(y[1:])),
        },
    )
