"""Other correct forms of the Lagrange bound M * 0.2**5 / 5! with M = |f^(5)(0)| = 24."""

import math
from fractions import Fraction

from pytest_numkata.authoring.gauntlet import Source

ANSWERS = [
    Source("24 * 0.2**5 / math.factorial(5)"),
    Source("0.2**5 / 5"),
    Fraction(24) * Fraction(1, 5) ** 5 / math.factorial(5),
    6.4e-5,
    math.factorial(4) * 0.2 ** 5 / math.factorial(5),
]
