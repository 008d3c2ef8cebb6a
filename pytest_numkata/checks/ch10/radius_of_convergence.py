"""Hidden checks for ch10/radius_of_convergence.

Oracle: R = lim abs(c_n / c_{n+1}) for each coefficient sequence, evaluated by mpmath.limit
(Richardson extrapolation at 30 digits) on the exact coefficients.
"""

import functools
import math

import mpmath
import numpy as np

from pytest_numkata.checking import answer_entries, expect_answer_close

RTOL = ATOL = 1e-9


def _radius(c):
    with mpmath.workdps(30):
        # chop: the extrapolated limit of 1/(n+1) comes out near 1e-44, which is 0
        return float(mpmath.chop(mpmath.limit(lambda n: abs(c(n) / c(n + 1)), mpmath.inf),
                                 tol=1e-20))


@functools.cache  # the same for every answer graded in this process
def _expected():
    return (
        _radius(lambda n: 1 / mpmath.mpf(3) ** n),
        _radius(lambda n: (-1) ** n / mpmath.mpf(n)),
        _radius(lambda n: mpmath.factorial(n)),
    )


def _entries(got):
    return [float(v) for v in got]


def gives_the_three_radii(kata):
    got = answer_entries(kata, 3, "(R_a, R_b, R_c), the radii (math.inf for an infinite one)")
    expected = _expected()
    expect_answer_close(
        np.array(_entries(got)),
        np.array(expected),
        rtol=RTOL,
        atol=ATOL,
        names=("R_a", "R_b", "R_c"),
        mistakes={
            "the ratio is upside down: R = lim abs(c_n / c_{n+1}), the reciprocal of the ratio "
            "test's limit L = lim abs(c_{n+1} / c_n) (for (a) that gives 3, not 1/3)":
                lambda g: math.isclose(g[0], 1 / 3, rel_tol=1e-6) or math.isinf(g[2]),
            "that is a ratio at a finite n, an estimate: for (b) (n+1)/n only tends to 1, so give "
            "the limit": lambda g: any(e != v and abs(v - e) < 0.2 * max(e, 0.1)
                                       for v, e in zip(g, expected)),
            "(c) has R = 0: abs(c_{n+1} / c_n) = n + 1 grows without bound, so n! * x**n grows "
            "for every x != 0 and the series converges only at x = 0":
                lambda g: g[2] != 0 and not math.isclose(g[2], 0, abs_tol=ATOL),
        },
    )
