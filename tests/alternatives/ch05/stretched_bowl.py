"""Other correct forms of the point after 100 steps for ch05/stretched_bowl: each must pass."""

from fractions import Fraction


def _simulate():
    x, y = 1.0, 1.0
    for _ in range(100):
        x, y = x - 0.005 * 200 * x, y - 0.005 * 2 * y
    return x, y


ANSWERS = [
    _simulate(),                                  # a tuple of floats from the loop
    [0, 0.99**100],                               # a list, closed form
    (0.0, float(Fraction(99, 100) ** 100)),       # exact y, rounded once
    (Fraction(0), Fraction(99, 100) ** 100),      # Fractions are numbers too
]
