"""Other correct forms of LSE([10, 20, 30])."""

import math

ANSWERS = [
    math.log(math.exp(10) + math.exp(20) + math.exp(30)),
    30 + math.log1p(math.exp(-10) + math.exp(-20)),
    30 + math.log(1 + math.exp(-10) + math.exp(-20)),
    30.0000454,           # 7 decimal places
    30.00004539993,
]
