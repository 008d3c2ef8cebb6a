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


def flattens_the_shape(x, N):
    import numpy as np

    x = np.ravel(np.asarray(x, dtype=np.float64))  # a 2-D x comes back 1-D
    term, total = np.ones_like(x), np.ones_like(x)
    for n in range(1, N):
        term = term * x / n
        total = total + term
    return total if total.size > 1 else float(total[0])


flattens_the_shape.expect = None


def term_aliases_x(x, N):
    import numpy as np

    if not isinstance(x, np.ndarray):
        x = np.asarray(x, dtype=np.float64)
    total = 1.0 + x  # n = 0 and n = 1
    term = x  # the same array as x: the in-place update below rewrites the caller's x
    for n in range(2, N):
        term *= x / n
        total = total + term
    if N == 1:
        total = np.ones_like(x)
    return total if np.ndim(total) else float(total)


term_aliases_x.expect = "in place"


def scalars_only(x, N):
    import math

    return sum(float(x) ** n / math.factorial(n) for n in range(N))


scalars_only.expect = None
