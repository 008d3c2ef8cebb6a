"""ch07/grad_check - solved."""

import numpy as np


def grad_check(f, x, analytic_grad, h=1e-6):
    x = np.array(x, dtype=np.float64)  # a private copy: the caller's x is never touched
    numeric = np.zeros_like(x)
    for i in np.ndindex(x.shape):  # every index, for any shape (one index, (), for a 0-d array)
        plus, minus = x.copy(), x.copy()
        plus[i] += h
        minus[i] -= h
        numeric[i] = (f(plus) - f(minus)) / (2 * h)
    a = np.asarray(analytic_grad, dtype=np.float64)
    diff = np.linalg.norm((a - numeric).ravel())
    return float(diff / (np.linalg.norm(a.ravel()) + np.linalg.norm(numeric.ravel()) + 1e-12))
