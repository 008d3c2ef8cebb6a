"""Other correct erf_series solutions: each must pass."""

import math

import numpy as np
from scipy.special import factorial


def _scalar_fsum(x, N):
    return 2 / math.sqrt(math.pi) * math.fsum(
        (-1) ** n * x ** (2 * n + 1) / (math.factorial(n) * (2 * n + 1)) for n in range(N))


def fsum_per_entry(x, N):
    if np.ndim(x) == 0:
        return _scalar_fsum(float(x), N)
    x = np.asarray(x, dtype=np.float64)
    return np.array([_scalar_fsum(v, N) for v in x.ravel().tolist()]).reshape(x.shape)


def numpy_term_table(x, N):
    arr = np.asarray(x, dtype=np.float64)
    n = np.arange(N)
    terms = (-1.0) ** n * arr[..., None] ** (2 * n + 1) / (factorial(n, exact=False) * (2 * n + 1))
    out = 2 / np.sqrt(np.pi) * terms.sum(axis=-1)
    return float(out) if np.ndim(x) == 0 else out


def polynomial_in_x_squared(x, N):
    # x * P(x**2) with P's coefficients (-1)**n / (n! (2n+1))
    arr = np.asarray(x, dtype=np.float64)
    n = np.arange(N)
    coefficients = (-1.0) ** n / (factorial(n, exact=False) * (2 * n + 1))
    out = 2 / np.sqrt(np.pi) * arr * np.polynomial.polynomial.polyval(arr * arr, coefficients)
    return float(out) if np.ndim(x) == 0 else out
