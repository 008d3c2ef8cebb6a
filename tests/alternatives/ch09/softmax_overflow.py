"""Other correct forms of (exp(91.7), its FP16 rounding).

The harness writes `ANSWER = {value!r}`; `Source` makes that an expression a learner would type.
"""

import math

import numpy as np

from pytest_numkata.authoring.gauntlet import Source

ANSWERS = [
    Source("(math.exp(91.7), math.inf)"),
    Source("(math.e ** 91.7, float('inf'))"),
    Source("(math.exp(91.7), float(__import__('numpy').float16(math.exp(91.7))))"),
    Source("(float(__import__('numpy').exp(91.7)), float('inf'))"),
    Source(f"({float(np.exp(np.float64(91.7))):.7g}, math.inf)"),  # 7 significant digits
]
