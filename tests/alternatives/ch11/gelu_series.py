"""Other correct gelu_series solutions: each must pass."""

import math

import numpy as np
from scipy.special import factorial


def _erf_n(u, N):
    return 2 / math.sqrt(math.pi) * math.fsum(
        (-1) ** n * u ** (2 * n + 1) / (math.factorial(n) * (2 * n + 1)) for n in range(N))


def _scalar(x, N):
    return 0.5 * x * (1 + _erf_n(x / math.sqrt(2), N))


def fsum_per_entry(x, N):
    if np.ndim(x) == 0:
        return _scalar(float(x), N)
    x = np.asarray(x, dtype=np.float64)
    return np.array([_scalar(v, N) for v in x.ravel().tolist()]).reshape(x.shape)


def numpy_term_table(x, N):
    arr = np.asarray(x, dtype=np.float64)
    u = arr / np.sqrt(2.0)
    n = np.arange(N)
    terms = (-1.0) ** n * u[..., None] ** (2 * n + 1) / (factorial(n, exact=False) * (2 * n + 1))
    erf_n = 2 / np.sqrt(np.pi) * terms.sum(axis=-1)
    out = arr * 0.5 * (1 + erf_n)
    return float(out) if np.ndim(x) == 0 else out


def phi_as_a_series(x, N):
    # x * Phi_N(x) with Phi_N(x) = 1/2 + (1/sqrt(2 pi)) sum (-1)^n x^(2n+1) / (2^n n! (2n+1)),
    # the same N terms after substituting u = x / sqrt(2)
    arr = np.asarray(x, dtype=np.float64)
    total = np.zeros_like(arr)
    term = arr.copy()  # (-1)^n x^(2n+1) / (2^n n!)
    for n in range(N):
        total = total + term / (2 * n + 1)
        term = term * (-arr * arr) / (2 * (n + 1))
    out = arr * (0.5 + total / math.sqrt(2 * math.pi))
    return float(out) if np.ndim(x) == 0 else out
