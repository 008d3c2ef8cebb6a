"""Other correct forms of x2(3) for Jacobi on [[4, 1], [1, 3]] x = [9, 11] from [0, 0]."""

from fractions import Fraction


def _sweep(x):
    return [(9 - x[1]) / 4, (11 - x[0]) / 3]


_x = [Fraction(0), Fraction(0)]
for _ in range(3):
    _x = _sweep(_x)

ANSWERS = [
    _x[1],               # Fraction(29, 9)
    29 / 9,
    (11 - 4 / 3) / 3,
    3.222,               # within 1e-3 relative
]
