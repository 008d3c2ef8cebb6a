"""A correct solution that leans on SciPy, as the contract allows: it must pass."""

import numpy as np
from scipy.special import logsumexp


def log_sum_exp(x):
    return float(logsumexp(np.asarray(x, dtype=float)))
