"""Other correct geometric_partial_sum solutions: each must pass."""

import math

import numpy as np


def fsum_of_powers(r, N):
    r = float(r)
    return math.fsum(r ** n for n in range(N + 1))


def numpy_powers(r, N):
    powers = np.float64(r) ** np.arange(N + 1, dtype=np.float64)
    return float(np.sum(powers))


def closed_form_away_from_one(r, N):
    # the closed form where 1 - r is not small; plain summation near r = 1
    r = float(r)
    if abs(1.0 - r) < 1e-3:
        total = 0.0
        term = 1.0
        for _ in range(N + 1):
            total += term
            term *= r
        return total
    return (1.0 - r ** (N + 1)) / (1.0 - r)


def closed_form_expm1(r, N):
    # 1 - r**(N+1) = -expm1((N+1) * log1p(r - 1)) has no cancellation near r = 1
    r = float(r)
    if r == 1.0:
        return float(N + 1)
    if r <= 0.5:  # log1p(r - 1) needs r - 1 > -1 and gains nothing far from 1
        return math.fsum(r ** n for n in range(N + 1))
    return -math.expm1((N + 1) * math.log1p(r - 1.0)) / (1.0 - r)
