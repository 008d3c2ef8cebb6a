"""Other correct forms of the infinity-norm condition number of [[1, 1], [1, 1.0001]]."""

from fractions import Fraction

_A_NORM = Fraction("2.0001")                 # row 2: 1 + 1.0001
_DET = Fraction("1.0001") - 1                # 0.0001
_INV_NORM = Fraction("2.0001") / _DET        # rows of [[1.0001, -1], [-1, 1]] / det

ANSWERS = [
    _A_NORM * _INV_NORM,                     # a Fraction
    float(_A_NORM * _INV_NORM),
    2.0001 * (2.0001 / 0.0001),              # the expression in floats
    40004.0001,
    40004.00,                                # 7 significant digits
]
