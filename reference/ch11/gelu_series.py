"""ch11/gelu_series - solved."""

import math

import numpy as np


def _erf_series(u, N):
    power = u.copy()  # (-1)**n u**(2n+1) / n!
    total = np.zeros_like(u)
    for n in range(N):
        total = total + power / (2 * n + 1)
        power = power * (-u * u) / (n + 1)
    return 2.0 / math.sqrt(math.pi) * total


def gelu_series(x, N):
    x = np.asarray(x, dtype=np.float64)
    result = 0.5 * x * (1.0 + _erf_series(x / math.sqrt(2.0), N))
    return result if result.ndim else float(result)
