"""ch11/erf_series - solved."""

import math

import numpy as np


def erf_series(x, N):
    x = np.asarray(x, dtype=np.float64)
    power = x.copy()  # (-1)**n x**(2n+1) / n!, starting at n = 0
    total = np.zeros_like(x)
    for n in range(N):
        total = total + power / (2 * n + 1)
        power = power * (-x * x) / (n + 1)
    total = 2.0 / math.sqrt(math.pi) * total
    return total if total.ndim else float(total)
