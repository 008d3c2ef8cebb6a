"""Other correct forms of the relative error of (1 + 1e-15) - 1 in FP64."""

from fractions import Fraction

ANSWERS = [
    abs(((1 + 1e-15) - 1) - 1e-15) / 1e-15,                      # the expression, in floats
    float(abs(Fraction((1 + 1e-15) - 1) - Fraction(1, 10 ** 15)) / Fraction(1, 10 ** 15)),
    abs(Fraction((1 + 1e-15) - 1) - Fraction(1, 10 ** 15)) / Fraction(1, 10 ** 15),  # a Fraction
    0.1102,                                                       # 4 significant digits
    0.11022,
]
