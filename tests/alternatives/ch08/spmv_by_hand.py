"""Other correct forms of y[3]: an int, a float, a Fraction (all numbers)."""

from fractions import Fraction

ANSWERS = [
    12,
    4 * 2.0 + 1 * 4.0,
    Fraction(12),
]
