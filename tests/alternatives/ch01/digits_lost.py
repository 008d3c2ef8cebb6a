"""Other correct forms of the digits lost computing 1.234567 - 1.234566."""

import math

ANSWERS = [
    math.log10(1234567),                              # exact: |a| / |a - b| = 1234567
    math.log10(1.234567 / (1.234567 - 1.234566)),     # computed in floats
    math.log10(1.234567) + 6,
    6.09,                                             # two decimal places
    6.0915,
]
