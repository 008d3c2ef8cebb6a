"""Other correct forms of |x1' - x1| for the perturbed 2x2 system."""

from fractions import Fraction


def _solve(b1, b2):
    # A = [[1, 1], [1, 1.0001]] exactly: subtract row 1 from row 2
    x2 = (Fraction(b2) - Fraction(b1)) / Fraction("0.0001")
    return Fraction(b1) - x2, x2


ANSWERS = [
    1,
    1.0,
    abs(_solve(2, "2.0002")[0] - _solve(2, "2.0001")[0]),   # a Fraction
    abs((2 - (2.0002 - 2) / 0.0001) - (2 - (2.0001 - 2) / 0.0001)),  # in floats
]
