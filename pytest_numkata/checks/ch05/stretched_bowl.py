"""Hidden checks for ch05/stretched_bowl.

Oracle: the 100 steps of gradient descent run in exact fractions.
"""

import functools
from fractions import Fraction

import numpy as np

from pytest_numkata.checking import answer, expect, expect_answer_close

LR = Fraction(5, 1000)
TOL = 1e-9


def _run(n, lr=LR, grad=lambda x, y: (200 * x, 2 * y), sign=-1):
    return np.array(_run_exactly(n, lr, grad, sign))


@functools.cache  # the same for every answer graded in this process
def _run_exactly(n, lr, grad, sign):
    x, y = Fraction(1), Fraction(1)
    for _ in range(n):
        gx, gy = grad(x, y)
        x, y = x + sign * lr * gx, y + sign * lr * gy
    return float(x), float(y)


def matches_the_point_after_100_steps(kata):
    got = answer(kata, kinds=(tuple, list))
    expect(len(got) == 2, f"ANSWER should be the pair (x, y), but it has {len(got)} entries")
    expect(all(isinstance(v, (int, float, Fraction, np.number)) and not isinstance(v, bool) for v in got),
           "both entries of ANSWER should be numbers")
    expect_answer_close(
        np.array([float(v) for v in got]),
        _run(100),
        rtol=TOL,
        atol=TOL,
        names=("x", "y"),
        mistakes={
            "the pair is (x, y): x first":
                lambda g: np.allclose(np.asarray(g, dtype=float), _run(100)[::-1], rtol=1e-3, atol=1e-6),
            "one step too few: that is the point after 99 steps": _run(99),
            "one step too many: that is the point after 101 steps": _run(101),
            "the gradient of 100x**2 + y**2 is (200x, 2y): keep the factor 2":
                _run(100, grad=lambda x, y: (100 * x, y)),
            "descent subtracts lr * gradient: this point went uphill": lambda g: abs(g[1]) > 1,
            "close, but not precise enough: compute 0.99**100 in Python rather than rounding it":
                lambda g: np.allclose(np.asarray(g, dtype=float), _run(100), rtol=1e-4, atol=1e-6),
        },
    )
