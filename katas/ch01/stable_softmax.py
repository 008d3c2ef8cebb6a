"""ch01/stable_softmax - a softmax that survives any logits (Build).

softmax(x)_i = exp(x_i) / sum_j exp(x_j) turns a vector of logits into probabilities. Computed
literally it breaks at once: for x = [1000.0, 1001.0, 999.0], exp overflows to inf and inf / inf
is nan - although the true probabilities are ordinary numbers (about 0.24, 0.67, 0.09). Very
negative logits fail the other way: every exp underflows to 0, and 0 / 0 is nan too.

Adding the same constant to every logit leaves the softmax unchanged, since the factor exp(c)
cancels between numerator and denominator. Choose the constant well and nothing can overflow.

Contract
--------
softmax(x) -> numpy.ndarray
    `x` is a non-empty 1-D array-like (list, tuple or NumPy array) of finite floats, with
    entries of magnitude up to 1e300.
    Returns a NumPy array of dtype float64 with the same length as `x`. Every entry is finite
    and in [0, 1], the entries sum to 1 within 1e-12, and each entry is within 1e-12 absolute
    of the exact softmax of `x`. `x` is not modified.

Stuck? `numkata hint ch01/stable_softmax` shows one hint at a time.
"""

import numpy as np


def softmax(x):
    raise NotImplementedError
