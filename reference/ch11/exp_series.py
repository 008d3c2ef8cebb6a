"""ch11/exp_series - solved."""

import numpy as np


def exp_series(x, N):
    x = np.asarray(x, dtype=np.float64)
    term = np.ones_like(x)  # x**0 / 0!
    total = term.copy()
    for n in range(1, N):
        term = term * x / n  # x**n / n! from the previous term, no factorial needed
        total = total + term
    return total if total.ndim else float(total)
