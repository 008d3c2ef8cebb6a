"""Other correct forms of FP32 machine epsilon (the gap above 1.0)."""

from fractions import Fraction

ANSWERS = [
    2 ** -23,
    Fraction(1, 2 ** 23),
    1.1920929e-07,
    1.192093e-07,      # 7 significant digits
]
