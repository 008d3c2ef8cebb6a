"""ch06/trapezoidal - solved."""

import numpy as np


def trapezoidal(f, a, b, n):
    if n < 1:
        raise ValueError(f"the trapezoidal rule needs n >= 1 intervals, got n = {n}")
    h = (b - a) / n
    y = np.asarray(f(np.linspace(a, b, n + 1)), dtype=float)
    # weight 1 for every node, minus a half for each of the two end nodes
    return float(h * (y.sum() - 0.5 * (y[0] + y[-1])))
