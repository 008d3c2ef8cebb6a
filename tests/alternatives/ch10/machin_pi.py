"""Other correct arctan_series solutions: each must pass."""

import math

import numpy as np


def fsum_of_terms(x, N):
    x = float(x)
    return math.fsum((-1) ** n * x ** (2 * n + 1) / (2 * n + 1) for n in range(N))


def numpy_vectorised(x, N):
    n = np.arange(N, dtype=np.float64)
    terms = (-1.0) ** n * np.float64(x) ** (2 * n + 1) / (2 * n + 1)
    return float(np.sum(terms))


def running_power(x, N):
    x = float(x)
    total = 0.0
    power = x  # (-1)**n * x**(2n+1)
    for n in range(N):
        total += power / (2 * n + 1)
        power *= -x * x
    return total
