"""Other correct forms of k for ch05/steps_to_converge: each must pass."""

import math


def _count():
    x, k = 10.0, 0
    while abs(x) >= 0.01:
        x = x - 0.1 * 2 * x
        k += 1
    return k


ANSWERS = [
    _count(),                                            # simulated
    math.ceil(math.log(0.001) / math.log(0.8)),          # from the logarithm
    31.0,                                                # a float with no fractional part
]
