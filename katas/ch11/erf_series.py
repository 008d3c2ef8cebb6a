"""ch11/erf_series - the error function from a term-by-term integral (Build).

erf(x) = (2/sqrt(pi)) * integral_0^x e^(-t^2) dt has no closed form, but its integrand does
have a series: put -t^2 in place of x in the exponential series, giving
sum (-1)^n t^(2n) / n!. Integrating each power from 0 to x turns t^(2n) into
x^(2n+1) / (2n+1). Keeping the first N terms:

    erf_N(x) = (2/sqrt(pi)) * sum_{n=0}^{N-1} (-1)^n x^(2n+1) / (n! (2n+1))

The terms alternate in sign; once they shrink (from n + 1 > x^2 on) the error of stopping is
below the first term left out.

Contract
--------
erf_series(x, N) -> float or numpy.ndarray
    That N-term sum (n = 0 .. N-1). `x` is a float or a NumPy array of floats (any shape)
    with |x| <= 5; for an array the sum is taken entry by entry and the result has x's shape.
    `N` is an int, 1 <= N <= 60.
    Each entry agrees with the exact value of the N-term sum to within
    1e-12 * (2/sqrt(pi)) * sum_{n=0}^{N-1} |x|^(2n+1) / (n! (2n+1))
    (the size of the terms, since they cancel). `x` is not modified.

Stuck? `numkata hint ch11/erf_series` shows one hint at a time.
"""

import numpy as np


def erf_series(x, N):
    raise NotImplementedError
