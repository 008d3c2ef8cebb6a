"""Other correct forms of the forward difference for ch07/forward_difference: each must pass."""

from fractions import Fraction

ANSWERS = [
    (2.01**3 - 8) / 0.01,                                       # the float expression
    (Fraction(201, 100) ** 3 - 8) / Fraction(1, 100),           # exact: 120601/10000
    12.0601,                                                    # typed in
    3 * 2**2 + 3 * 2 * 0.01 + 0.01**2,                          # 3x**2 + 3xh + h**2 expanded
]
