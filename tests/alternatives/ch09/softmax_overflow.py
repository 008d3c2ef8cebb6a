"""Other correct forms of (exp(91.7), its FP16 rounding).

The harness writes `ANSWER = {value!r}`; `_Expr` makes that an expression a learner would type.
"""

import math

import numpy as np


class _Expr:
    def __init__(self, source):
        self.source = source

    def __repr__(self):
        return self.source


ANSWERS = [
    _Expr("(math.exp(91.7), math.inf)"),
    _Expr("(math.e ** 91.7, float('inf'))"),
    _Expr("(math.exp(91.7), float(__import__('numpy').float16(math.exp(91.7))))"),
    _Expr("(float(__import__('numpy').exp(91.7)), float('inf'))"),
    _Expr(f"({float(np.exp(np.float64(91.7))):.7g}, math.inf)"),  # 7 significant digits
]
