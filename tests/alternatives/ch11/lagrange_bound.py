"""Other correct forms of the Lagrange bound M * 0.2**5 / 5! with M = |f^(5)(0)| = 24."""

import math
from fractions import Fraction


class _Expr:
    def __init__(self, source):
        self.source = source

    def __repr__(self):
        return self.source


ANSWERS = [
    _Expr("24 * 0.2**5 / math.factorial(5)"),
    _Expr("0.2**5 / 5"),
    Fraction(24) * Fraction(1, 5) ** 5 / math.factorial(5),
    6.4e-5,
    math.factorial(4) * 0.2 ** 5 / math.factorial(5),
]
