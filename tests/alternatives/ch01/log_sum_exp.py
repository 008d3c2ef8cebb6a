"""Other correct log_sum_exp solutions: each must pass."""

import math


def pure_python_loop(x):
    values = [float(v) for v in x]
    m = max(values)
    return m + math.log(math.fsum(math.exp(v - m) for v in values))


def scipy_call(x):
    from scipy.special import logsumexp

    return float(logsumexp(x))


def numpy_vectorised(x):
    import numpy as np

    a = np.asarray(x, dtype=np.float64)
    m = np.max(a)
    return m + np.log(np.sum(np.exp(a - m)))


def numpy_logaddexp_reduce(x):
    import numpy as np

    return np.logaddexp.reduce(np.asarray(x, dtype=float))
