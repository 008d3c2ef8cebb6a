"""Other correct forms of the smallest helpful power-of-two loss scale."""

import math
from fractions import Fraction

_S = 2 ** math.ceil(math.log2(6.1e-5 / 3.2e-6))
ANSWERS = [
    _S,
    float(_S),
    Fraction(_S),
    2 ** 5,
]
