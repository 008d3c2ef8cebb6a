"""Other correct forms of the central difference for ch07/central_difference: each must pass."""

from fractions import Fraction

ANSWERS = [
    (2.01**3 - 1.99**3) / 0.02,
    (Fraction(201, 100) ** 3 - Fraction(199, 100) ** 3) / Fraction(2, 100),   # exact: 120001/10000
    12.0001,
    3 * 2**2 + 0.01**2,                                                       # 3x**2 + h**2
]
