"""Other correct forms of lr_max for ch05/divergence_threshold: each must pass."""

from fractions import Fraction

ANSWERS = [
    1,            # an int
    1.0,
    2 / 2,        # 2 / L with L = f'' = 2
    Fraction(1),
]
