"""Other correct forms of x4 for ch04/sqrt2: each must pass."""

import math
from fractions import Fraction


def _x4_exact():
    x = Fraction(1)
    for _ in range(4):
        x = x - (x * x - 2) / (2 * x)
    return x


def _x4_float():
    x = 1.0
    for _ in range(4):
        x = (x + 2.0 / x) / 2.0
    return x


ANSWERS = [
    _x4_exact(),                      # Fraction(665857, 470832)
    665857 / 470832,                  # the exact expression's value
    _x4_float(),                      # four float steps
    1.4142135623746899,               # 17 significant digits typed in
    1.41421356237469,                 # 15 significant digits
]
