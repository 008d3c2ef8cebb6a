"""Other correct forms of f(x5) for ch05/five_steps: each must pass."""

from fractions import Fraction


def _loop():
    x = 5.0
    for _ in range(5):
        x = x - 0.1 * 2 * x
    return x**2


ANSWERS = [
    (0.8**5 * 5) ** 2,                          # the closed form in floats
    (Fraction(4, 5) ** 5 * 5) ** 2,             # exact: 16777216/6250000
    _loop(),                                    # five float steps
    2.68435456,                                 # typed in
]
