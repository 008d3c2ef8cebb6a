"""Other correct exp_series solutions: each must pass."""

import math

import numpy as np
from scipy.special import factorial


def _scalar_fsum(x, N):
    return math.fsum(x ** n / math.factorial(n) for n in range(N))


def fsum_per_entry(x, N):
    if np.ndim(x) == 0:
        return _scalar_fsum(float(x), N)
    x = np.asarray(x, dtype=np.float64)
    return np.array([_scalar_fsum(v, N) for v in x.ravel().tolist()]).reshape(x.shape)


def numpy_power_table(x, N):
    arr = np.asarray(x, dtype=np.float64)
    n = np.arange(N)
    terms = arr[..., None] ** n / factorial(n, exact=False)
    out = terms.sum(axis=-1)
    return float(out) if np.ndim(x) == 0 else out


def horner(x, N):
    # 1 + x/1 (1 + x/2 (1 + ... (1 + x/(N-1))))
    arr = np.asarray(x, dtype=np.float64)
    total = np.ones_like(arr)
    for n in range(N - 1, 0, -1):
        total = 1.0 + arr / n * total
    return float(total) if np.ndim(x) == 0 else total


def numpy_polyval(x, N):
    coefficients = 1.0 / factorial(np.arange(N), exact=False)
    out = np.polynomial.polynomial.polyval(np.asarray(x, dtype=np.float64), coefficients)
    return float(out) if np.ndim(x) == 0 else out
