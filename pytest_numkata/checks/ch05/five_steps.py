"""Hidden checks for ch05/five_steps.

Oracle: gradient descent on x**2 run in exact fractions.
"""

from fractions import Fraction

from pytest_numkata.checking import answer, expect_answer_close

LR = Fraction(1, 10)


def _iterates(n, x0=Fraction(5), grad=lambda x: 2 * x):
    xs = [x0]
    for _ in range(n):
        xs.append(xs[-1] - LR * grad(xs[-1]))
    return xs


def matches_the_loss_after_five_steps(kata):
    xs = _iterates(6)
    no_two = _iterates(5, grad=lambda x: x)
    expect_answer_close(
        float(answer(kata)),
        float(xs[5] ** 2),
        rtol=1e-9,
        mistakes={
            "that is x5 itself: the question asks the loss f(x5) = x5**2": float(xs[5]),
            "that is f(x4): one step too few": float(xs[4] ** 2),
            "that is f(x6): one step too many": float(xs[6] ** 2),
            "the gradient of x**2 is 2x, not x: each step multiplies x by 0.8, not 0.9": float(no_two[5] ** 2),
        },
    )
