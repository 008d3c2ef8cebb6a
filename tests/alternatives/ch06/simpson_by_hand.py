"""Other correct forms of S_4 for ch06/simpson_by_hand: each must pass."""

from fractions import Fraction

ANSWERS = [
    Fraction(1, 3),                                             # exact for a parabola
    (0.25 / 3) * (0 + 4 * 0.0625 + 2 * 0.25 + 4 * 0.5625 + 1),  # the weighted sum in floats
    1 / 3,
    0.333333333333333,                                          # 15 digits
]
