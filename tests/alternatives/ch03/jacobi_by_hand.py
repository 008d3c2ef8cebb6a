"""Other correct forms of x1(2) for Jacobi on [[4, 1], [1, 3]] x = [9, 11] from [0, 0]."""

from fractions import Fraction

_x1 = [Fraction(9, 4), Fraction(11, 3)]
_x2 = [(9 - _x1[1]) / 4, (11 - _x1[0]) / 3]

ANSWERS = [
    _x2[0],              # Fraction(4, 3)
    4 / 3,
    (9 - 11 / 3) / 4,
    1.333,               # within 1e-3 relative
]
