"""Other correct forms of G0 = 1 / (1 - gamma) with gamma = 0.95."""

from fractions import Fraction

from pytest_numkata.authoring.gauntlet import Source

ANSWERS = [
    Source("1 / (1 - 0.95)"),
    20,
    20.0,
    Fraction(1) / (1 - Fraction("0.95")),
    Source("sum(0.95 ** t for t in range(2000))"),  # a partial sum long enough to be within 1e-9
]
