"""Other correct forms of the largest finite FP32 value."""

from fractions import Fraction

ANSWERS = [
    (2 - 2 ** -23) * 2 ** 127,          # exact expression, a float
    2 ** 128 - 2 ** 104,                # the same value as an exact int
    Fraction(2 ** 128 - 2 ** 104),      # as a Fraction
    3.4028235e38,                       # 8 significant digits
    3.402823e38,                        # 7 significant digits, within 1e-6 relative
]
