"""Hidden checks for ch05/divergence_threshold.

Oracle: 2 / L with the curvature L of x**2 measured by a second difference (exact for a
quadratic), confirmed by running gradient descent just below and at the threshold.
"""

from fractions import Fraction

from pytest_numkata.checking import answer, expect_answer_close


def _f(x):
    return x * x


def _curvature():
    h = Fraction(1, 2)
    return (_f(1 + h) - 2 * _f(Fraction(1)) + _f(1 - h)) / h**2


def _gd(lr, n, x0=1.0):
    x = x0
    for _ in range(n):
        x = x - lr * 2 * x
    return x


def matches_two_over_the_curvature(kata):
    lr_max = 2 / _curvature()
    # sanity of the oracle: below the threshold GD converges, at it it does not, above it diverges
    assert abs(_gd(0.9 * float(lr_max), 200)) < 1e-12
    assert abs(_gd(float(lr_max), 200)) == 1.0
    assert abs(_gd(1.1 * float(lr_max), 200)) > 1e12
    expect_answer_close(
        float(answer(kata)),
        float(lr_max),
        rtol=1e-9,
        mistakes={
            "that is the learning rate that lands on the minimum in one step (factor 1 - 2 lr = 0); "
            "larger rates still converge, with the iterate changing sign every step": float(lr_max / 2),
            "that is 2 / L with L = 1: the curvature of x**2 is its second derivative, 2": 2.0,
        },
    )
