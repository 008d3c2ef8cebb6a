"""Other correct forms of n for ch06/monte_carlo_vs_trapezoid: each must pass."""

import math


def _search():
    n = 1
    while not 1 / (12 * n * n) < 1e-6:
        n += 1
    return n


ANSWERS = [
    math.floor(math.sqrt(10**6 / 12)) + 1,     # strict inequality: the next integer
    math.isqrt(10**6 // 12) + 1,
    _search(),
]
