"""Other correct forms of the FP32 gap above 1024.0."""

from fractions import Fraction

ANSWERS = [
    2 ** -13,
    1024 * 2 ** -23,
    Fraction(1, 8192),
    0.0001220703,
    1.220703e-4,
]
