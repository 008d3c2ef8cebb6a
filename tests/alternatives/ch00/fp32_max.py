"""Other correct forms of the largest finite FP32 value."""

from fractions import Fraction

ANSWERS = [
    (2 - 2 ** -23) * 2 ** 127,          # exact expression, a float
    2 ** 128 - 2 ** 104,                # the same value as an exact int
    Fraction(2 ** 128 - 2 ** 104),      # as a Fraction
    3.40282347e38,                      # 9 significant digits, within 1e-8 relative
    3.4028235e38,                       # what NumPy prints for float32's max (1e-8 relative)
]
