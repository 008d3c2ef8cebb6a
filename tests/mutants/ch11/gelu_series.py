"""Known-buggy gelu_series solutions. Each must be rejected; `expect` is the named mistake."""

import math

import numpy as np
from scipy import special


def _erf_n(u, N):
    return 2 / math.sqrt(math.pi) * sum(
        (-1) ** n * u ** (2 * n + 1) / (math.factorial(n) * (2 * n + 1)) for n in range(N))


def halves_instead_of_root_two(x, N):
    x = np.asarray(x, dtype=float)
    return x * 0.5 * (1 + _erf_n(x / 2, N))


halves_instead_of_root_two.expect = "x / 2"


def one_term_too_many(x, N):
    x = np.asarray(x, dtype=float)
    return x * 0.5 * (1 + _erf_n(x / math.sqrt(2), N + 1))


one_term_too_many.expect = "N + 1 terms"


def exact_gelu(x, N):
    x = np.asarray(x, dtype=float)
    return x * 0.5 * (1 + special.erf(x / math.sqrt(2)))


exact_gelu.expect = "exact GELU"


def tanh_approximation(x, N):
    x = np.asarray(x, dtype=float)
    return 0.5 * x * (1 + np.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x**3)))


tanh_approximation.expect = None
