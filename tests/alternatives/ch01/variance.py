"""Other correct variance solutions (fixes of the shortcut), written from the docstring alone."""

import math
import statistics


def two_pass_loop(x):
    values = [float(v) for v in x]
    n = len(values)
    mean = math.fsum(values) / n
    return math.fsum((v - mean) ** 2 for v in values) / n


def welford_online(x):
    mean = 0.0
    m2 = 0.0
    for k, value in enumerate(x, start=1):
        value = float(value)
        delta = value - mean
        mean += delta / k
        m2 += delta * (value - mean)
    return m2 / len(x)


def numpy_var(x):
    import numpy as np

    return np.var(np.asarray(x, dtype=np.float64))


def statistics_pvariance(x):
    return statistics.pvariance([float(v) for v in x])


def two_pass_builtin_sum(x):
    """The hint's two passes with the built-in sum (no compensated summation)."""
    n = len(x)
    mean = sum(x) / n
    return sum((v - mean) ** 2 for v in x) / n
