"""ch01/log_sum_exp - solved."""

import numpy as np


def log_sum_exp(x):
    x = np.asarray(x, dtype=np.float64)
    m = np.max(x)
    # every exponent is <= 0 after the shift, and the largest term is exp(0) = 1
    return float(m + np.log(np.sum(np.exp(x - m))))
