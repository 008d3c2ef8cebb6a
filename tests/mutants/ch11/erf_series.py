"""Known-buggy erf_series solutions. Each must be rejected; `expect` is the named mistake."""

import math

import numpy as np


def one_term_too_many(x, N):
    x = np.asarray(x, dtype=float)
    return 2 / math.sqrt(math.pi) * sum(
        (-1) ** n * x ** (2 * n + 1) / (math.factorial(n) * (2 * n + 1)) for n in range(N + 1))


one_term_too_many.expect = "N + 1 terms"


def forgets_the_odd_divisor(x, N):
    x = np.asarray(x, dtype=float)
    return 2 / math.sqrt(math.pi) * sum(
        (-1) ** n * x ** (2 * n + 1) / math.factorial(n) for n in range(N))


forgets_the_odd_divisor.expect = "(2n + 1)"


def forgets_the_sign(x, N):
    x = np.asarray(x, dtype=float)
    return 2 / math.sqrt(math.pi) * sum(
        x ** (2 * n + 1) / (math.factorial(n) * (2 * n + 1)) for n in range(N))


forgets_the_sign.expect = "(-1)**n"


def forgets_two_over_root_pi(x, N):
    x = np.asarray(x, dtype=float)
    return sum((-1) ** n * x ** (2 * n + 1) / (math.factorial(n) * (2 * n + 1))
               for n in range(N))


forgets_two_over_root_pi.expect = "2/sqrt(pi)"
