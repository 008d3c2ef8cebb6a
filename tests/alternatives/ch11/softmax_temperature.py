"""Other correct softmax_temperature solutions: each must pass."""

import math

import numpy as np
from scipy.special import logsumexp, softmax


def scipy_softmax(x, T):
    if not T > 0:
        raise ValueError(f"the temperature must be positive, got {T}")
    return softmax(np.asarray(x, dtype=np.float64) / T)


def pure_python(x, T):
    if T <= 0:
        raise ValueError("T must be > 0")
    z = [float(v) / T for v in x]
    top = max(z)
    e = [math.exp(v - top) for v in z]
    total = math.fsum(e)
    return np.array([v / total for v in e])


def via_log_sum_exp(x, T):
    # exp(z - logsumexp(z)) alone can miss the stated sum-to-1 within 1e-12 by a few 1e-12
    # (z - lse loses the low bits of a large z), so normalise once more
    if T <= 0:
        raise ValueError("T must be > 0")
    z = np.asarray(x, dtype=np.float64) / T
    p = np.exp(z - logsumexp(z))
    return p / p.sum()
