"""Other correct forms of (R_a, R_b, R_c): ints, floats, Fractions."""

from fractions import Fraction

ANSWERS = [
    (3, 1, 0),
    (3.0, 1.0, 0.0),
    (Fraction(3), Fraction(1), Fraction(0)),
    (3.0, 1, 0.0),
]
