"""ch01/log_sum_exp - a log-sum-exp that never overflows (Build).

log(sum(exp(x))) turns up in every cross-entropy loss and every softmax normaliser. Written
literally it overflows: exp(710.0) is already inf in float64, although the answer for
x = [710.0] is simply 710.0.

Contract
--------
log_sum_exp(x) -> float
    `x` is a non-empty 1-D array-like (list, tuple or NumPy array) of finite floats.
    Returns log(sum(exp(x))) as a Python or NumPy float, to within 1e-12 relative
    (or 1e-12 absolute when the answer is near zero) for every finite input, including
    entries of magnitude up to 1e300. `x` is not modified.

Stuck? `numkata hint ch01/log_sum_exp` shows one hint at a time.
"""

import numpy as np


def log_sum_exp(x):
    raise NotImplementedError
