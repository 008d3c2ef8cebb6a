"""Hidden checks for ch11/lagrange_bound.

Oracle: the fifth derivative of ln(1 + x) by mpmath's numerical differentiation (30 digits),
maximised in absolute value over a grid of [0, 0.2] that includes both ends, times 0.2**5 / 5!.
"""

import math

import mpmath

from pytest_numkata.checking import answer, expect_answer_close

X = mpmath.mpf(1) / 5


def _fifth(xi):
    return mpmath.diff(lambda t: mpmath.log(1 + t), xi, 5)


def _bound():
    with mpmath.workdps(30):
        grid = [X * k / 20 for k in range(21)]
        M = max(abs(_fifth(xi)) for xi in grid)
        return float(M * X**5 / math.factorial(5)), float(abs(_fifth(X)))


def _t4(x):
    return x - x**2 / 2 + x**3 / 3 - x**4 / 4


def is_the_lagrange_bound_for_ln_1_2(kata):
    bound, m_at_end = _bound()
    with mpmath.workdps(30):
        actual = float(abs(mpmath.log(1 + X) - _t4(X)))
        M = float(max(abs(_fifth(0)), abs(_fifth(X))))
    assert actual <= bound  # the oracle's own sanity: a bound must hold
    expect_answer_close(
        answer(kata),
        bound,
        rtol=1e-6,
        mistakes={
            "that is the actual error |ln(1.2) - T4(0.2)|, not the Lagrange bound on it": actual,
            "M was taken at xi = 0.2, where |f^(5)| is smallest: the bound needs the maximum "
            "over [0, 0.2], which is at xi = 0": m_at_end * 0.2**5 / math.factorial(5),
            "4! where 5! belongs (or 0.2**4 for 0.2**5): the remainder after T4 uses the fifth "
            "derivative, x**5 and 5!": M * 0.2**5 / math.factorial(4),
            "that is |f^(5)| * 0.2**5 without dividing by 5!": M * 0.2**5,
        },
    )
