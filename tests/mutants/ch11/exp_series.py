"""Known-buggy exp_series solutions. Each must be rejected; `expect` is the named mistake."""

import math

import numpy as np


def one_term_too_many(x, N):
    return sum(np.asarray(x, dtype=float) ** n / math.factorial(n) for n in range(N + 1))


one_term_too_many.expect = "N + 1 terms"


def divides_by_n_not_factorial(x, N):
    x = np.asarray(x, dtype=float)
    return 1.0 + sum(x**n / n for n in range(1, N))


divides_by_n_not_factorial.expect = "divided by n"


def drops_the_constant_term(x, N):
    x = np.asarray(x, dtype=float)
    return sum(x**n / math.factorial(n) for n in range(1, N + 1))


drops_the_constant_term.expect = "n = 0 term"


def numpy_exp(x, N):
    return np.exp(x)


numpy_exp.expect = "the full exponential"
