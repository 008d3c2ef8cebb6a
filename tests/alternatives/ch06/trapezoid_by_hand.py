"""Other correct forms of T_4 for ch06/trapezoid_by_hand: each must pass."""

from fractions import Fraction


def _loop():
    h = 0.25
    xs = [i * h for i in range(5)]
    return h / 2 * (xs[0] ** 2 + 2 * sum(x**2 for x in xs[1:-1]) + xs[-1] ** 2)


ANSWERS = [
    Fraction(11, 32),                                           # exact
    0.25 / 2 * (0 + 2 * 0.0625 + 2 * 0.25 + 2 * 0.5625 + 1),    # the weighted sum
    _loop(),
    0.34375,
]
