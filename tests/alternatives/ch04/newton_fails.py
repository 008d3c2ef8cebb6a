"""Other correct forms of the six iterates for ch04/newton_fails: each must pass."""

from fractions import Fraction


def _trace():
    xs = [0.0]
    for _ in range(5):
        x = xs[-1]
        xs.append(x - (x**3 - 2 * x + 2) / (3 * x**2 - 2))
    return xs


ANSWERS = [
    (0, 1, 0, 1, 0, 1),                     # ints in a tuple
    [0.0, 1.0, 0.0, 1.0, 0.0, 1.0],         # floats in a list
    tuple(_trace()),                        # computed in floats
    tuple(Fraction(v) for v in (0, 1, 0, 1, 0, 1)),   # Fractions are numbers too
]
