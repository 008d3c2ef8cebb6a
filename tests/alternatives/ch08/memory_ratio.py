"""Other correct forms of the CSR / dense byte ratio."""

from fractions import Fraction

_NNZ = 1000 * 1000 // 10
ANSWERS = [
    (4 * _NNZ + 4 * _NNZ + 4 * 1001) / (4 * 1000 * 1000),
    Fraction(4 * _NNZ + 4 * _NNZ + 4 * 1001, 4 * 1000 * 1000),
    0.201001,
]
