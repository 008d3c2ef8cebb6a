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


def flattens_the_shape(x, N):
    import math

    import numpy as np

    x = np.ravel(np.asarray(x, dtype=np.float64))  # a 2-D x comes back 1-D
    power, total = x.copy(), np.zeros_like(x)
    for n in range(N):
        total = total + power / (2 * n + 1)
        power = power * (-x * x) / (n + 1)
    total = 2.0 / math.sqrt(math.pi) * total
    return total if total.size > 1 else float(total[0])


flattens_the_shape.expect = None


def power_aliases_x(x, N):
    import math

    import numpy as np

    if not isinstance(x, np.ndarray):
        x = np.asarray(x, dtype=np.float64)
    square = x * x
    power = x  # the caller's array: the in-place update below rewrites it
    total = np.zeros_like(x, dtype=np.float64)
    for n in range(N):
        total = total + power / (2 * n + 1)
        power *= -square / (n + 1)
    total = 2.0 / math.sqrt(math.pi) * total
    return total if np.ndim(total) else float(total)


power_aliases_x.expect = "in place"
