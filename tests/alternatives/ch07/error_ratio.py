"""Other correct forms of the error ratio for ch07/error_ratio: each must pass."""

from fractions import Fraction

_forward = (2.01**3 - 8) / 0.01
_central = (2.01**3 - 1.99**3) / 0.02

ANSWERS = [
    abs(_forward - 12) / abs(_central - 12),     # from the two float estimates
    601,                                         # exact: 3x/h + 1, an int
    Fraction(601),
    3 * 2 / 0.01 + 1,
]
