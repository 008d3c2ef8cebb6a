"""ch11/exp_series - the exponential as a truncated Taylor series (Build).

Every derivative of e^x is e^x, and at 0 they all equal 1, so the Maclaurin series of the
exponential is the sum of x^n / n! over n = 0, 1, 2, ... It converges for every x. Stopping
after N terms leaves an error that, once N > |x|, is at most about the size of the first term
left out: |x|^N / N!, times (N + 1) / (N + 1 - |x|) for positive x (for negative x the terms
alternate and the first omitted term alone bounds the error).

Contract
--------
exp_series(x, N) -> float or numpy.ndarray
    The partial sum  S_N(x) = sum_{n=0}^{N-1} x^n / n!  - exactly N terms, n = 0 .. N-1.
    `x` is a float or a NumPy array of floats (any shape) with |x| <= 30; for an array the
    sum is taken entry by entry and the result is an array of the same shape. `N` is an
    int, 1 <= N <= 100.
    Each entry agrees with the exact value of that finite sum to within
    1e-12 * sum_{n=0}^{N-1} |x|^n / n!  (for x >= 0 that is 1e-12 relative; for negative x
    the terms cancel, and the tolerance follows the size of the terms, not of the result).
    `x` is not modified.

Stuck? `numkata hint ch11/exp_series` shows one hint at a time.
"""

import numpy as np


def exp_series(x, N):
    raise NotImplementedError
