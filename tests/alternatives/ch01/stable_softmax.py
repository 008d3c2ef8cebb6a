"""Other correct softmax solutions, written from the docstring alone."""

import math

import numpy as np


def pure_python_loop(x):
    values = [float(v) for v in x]
    m = max(values)
    exps = [math.exp(v - m) for v in values]
    total = math.fsum(exps)
    return np.array([e / total for e in exps], dtype=np.float64)


def scipy_call(x):
    from scipy.special import softmax

    return softmax(np.asarray(x, dtype=np.float64))


def vectorised_log_domain(x):
    """Normalise in the log domain: exp(x - logsumexp(x))."""
    x = np.asarray(x, dtype=np.float64)
    m = x.max()
    shifted = x - m
    return np.exp(shifted - np.log(np.sum(np.exp(shifted))))


def tuple_of_floats_then_array(x):
    m = max(x)
    out = np.empty(len(x))
    for i, v in enumerate(x):
        out[i] = math.exp(v - m)
    out /= out.sum()
    return out


def list_comprehension_builtin_sum(x):
    m = max(x)
    exps = [math.exp(v - m) for v in x]
    s = sum(exps)
    return np.array([e / s for e in exps])
