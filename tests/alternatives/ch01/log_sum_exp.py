"""Other correct log_sum_exp solutions: each must pass."""

import math


def pure_python_loop(x):
    values = [float(v) for v in x]
    m = max(values)
    return m + math.log(math.fsum(math.exp(v - m) for v in values))


def scipy_call(x):
    from scipy.special import logsumexp

    return float(logsumexp(x))
