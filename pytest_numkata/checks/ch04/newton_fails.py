"""Hidden checks for ch04/newton_fails.

Oracle: the Newton iteration on x**3 - 2x + 2 from 0, run in exact fractions.
"""

import math
from fractions import Fraction

import numpy as np

from pytest_numkata.checking import answer_entries, expect_answer_close

N = 6
ATOL = 1e-9


def _f(x):
    return x**3 - 2 * x + 2


def _fprime(x):
    return 3 * x**2 - 2


def _run(x0, n, sign=-1):
    x = Fraction(x0)
    out = [x]
    for _ in range(n - 1):
        d = _fprime(x)
        if d == 0:
            break
        x = x + sign * _f(x) / d
        out.append(x)
    return [float(v) for v in out]


def _real_root():
    roots = np.roots([1.0, 0.0, -2.0, 2.0])
    return float(min(roots, key=lambda r: abs(r.imag)).real)


def lists_the_first_six_iterates(kata):
    got = answer_entries(kata, N, "(the iterates x0 to x5)")
    expected = _run(0, N)
    root = _real_root()
    expect_answer_close(
        np.array([float(v) for v in got]),
        np.array(expected),
        atol=ATOL,
        rtol=0.0,
        names=[f"x{i}" for i in range(N)],
        mistakes={
            "the tuple should start with x0 = 0 itself, then x1, ..., x5": _run(0, N + 1)[1:],
            "the step has the wrong sign: Newton subtracts f(x)/f'(x)": _run(0, N, sign=+1),
            "Newton does not reach the real root from x0 = 0: trace the tangents step by step":
                lambda got: math.isclose(float(got[-1]), root, abs_tol=1e-3),
        },
    )
