"""Other correct forms of ln 2."""

import math

from pytest_numkata.authoring.gauntlet import Source

ANSWERS = [
    Source("math.log(2)"),
    Source("math.log1p(1)"),
    Source("math.log2(math.e) ** -1"),
    math.log(2),
    float(f"{math.log(2):.10g}"),  # 10 significant digits
]
