"""Hidden checks for ch06/error_doubling.

Oracle: the two composite rules on the integral of exp over [0, 1] (exact value e - 1),
evaluated here with math.fsum at n = 16 and n = 32; the factor is the ratio of the errors.
"""

import math

from pytest_numkata.checking import answer_entries, expect_answer_close

N = 16


def _trapezoid(n):
    h = 1.0 / n
    y = [math.exp(i * h) for i in range(n + 1)]
    return h / 2 * math.fsum([y[0], y[-1]] + [2 * v for v in y[1:-1]])


def _simpson(n):
    h = 1.0 / n
    y = [math.exp(i * h) for i in range(n + 1)]
    w = [1] + [4 if i % 2 else 2 for i in range(1, n)] + [1]
    return h / 3 * math.fsum(wi * yi for wi, yi in zip(w, y))


def _factor(rule):
    exact = math.expm1(1.0)
    return abs(rule(N) - exact) / abs(rule(2 * N) - exact)


def matches_the_measured_factors(kata):
    got = answer_entries(kata, 2, "(trapezoid_factor, simpson_factor)")
    measured = (_factor(_trapezoid), _factor(_simpson))
    expect_answer_close(
        tuple(float(v) for v in got),
        measured,
        rtol=0.1,
        names=("trapezoid_factor", "simpson_factor"),
        mistakes={
            "the two factors are in the wrong order: the trapezoid's comes first":
                (measured[1], measured[0]),
            "those are reciprocals: give old error / new error, a number above 1":
                (1 / measured[0], 1 / measured[1]),
            "(2, 4) are the factors of first- and second-order methods: the trapezoid error is "
            "O(h**2) and Simpson's is O(h**4)": (2.0, 4.0),
            "Simpson's error is O(h**4), not O(h**3): the factor is 2**4": (measured[0], 8.0),
        },
    )
