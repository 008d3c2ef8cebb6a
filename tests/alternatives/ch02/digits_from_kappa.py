"""Other correct forms of (digits_lost, correct_digits_left) for kappa = 1e8 in FP32."""

import math

ANSWERS = [
    (8, 0),
    (round(math.log10(1e8)), max(0, 7 - 8)),
]
