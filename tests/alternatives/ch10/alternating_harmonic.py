"""Other correct forms of ln 2."""

import math


class _Expr:
    def __init__(self, source):
        self.source = source

    def __repr__(self):
        return self.source


ANSWERS = [
    _Expr("math.log(2)"),
    _Expr("math.log1p(1)"),
    _Expr("math.log2(math.e) ** -1"),
    math.log(2),
    float(f"{math.log(2):.10g}"),  # 10 significant digits
]
