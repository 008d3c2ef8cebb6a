"""Other correct forms of the infinity-norm condition number of the identity."""

from fractions import Fraction

ANSWERS = [1, 1.0, Fraction(1)]
