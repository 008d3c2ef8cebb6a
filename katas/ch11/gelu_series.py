"""ch11/gelu_series - GELU from the truncated erf series (Build).

GELU(x) = x * Phi(x), where Phi is the standard normal CDF. Since
Phi(x) = (1 + erf(x / sqrt(2))) / 2, the activation can be built from the erf series of the
previous kata:

    GELU_N(x) = x * (1/2) * (1 + erf_N(x / sqrt(2)))
    erf_N(u)  = (2/sqrt(pi)) * sum_{n=0}^{N-1} (-1)^n u^(2n+1) / (n! (2n+1))

Mind the sqrt(2): the normal density has e^(-x^2 / 2), erf integrates e^(-t^2), and t = x/sqrt(2)
matches the two. Dividing by 2 instead gives a different function.
Near 0 a few terms are enough; far from 0 the truncated sum drifts away from GELU.

Contract
--------
gelu_series(x, N) -> float or numpy.ndarray
    GELU_N(x) as above (N terms of the erf series, n = 0 .. N-1). `x` is a float or a NumPy
    array of floats (any shape) with |x| <= 6; for an array the result has x's shape and is
    taken entry by entry. `N` is an int, 1 <= N <= 60. Each entry agrees with the exact value
    of GELU_N(x) to within 1e-12 * (|x|/2) * (1 + (2/sqrt(pi)) * sum_{n<N} |u|^(2n+1) / (n! (2n+1)))
    with u = x / sqrt(2). `x` is not modified. (You may copy in your erf_series or write the
    sum again; this file must stand alone.)

Stuck? `numkata hint ch11/gelu_series` shows one hint at a time.
"""

import numpy as np


def gelu_series(x, N):
    raise NotImplementedError
