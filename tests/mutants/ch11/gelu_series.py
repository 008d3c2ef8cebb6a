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


def flattens_the_shape(x, N):
    import math

    import numpy as np

    x = np.ravel(np.asarray(x, dtype=np.float64))  # a 2-D x comes back 1-D
    u = x / math.sqrt(2.0)
    power, total = u.copy(), np.zeros_like(u)
    for n in range(N):
        total = total + power / (2 * n + 1)
        power = power * (-u * u) / (n + 1)
    result = 0.5 * x * (1.0 + 2.0 / math.sqrt(math.pi) * total)
    return result if result.size > 1 else float(result[0])


flattens_the_shape.expect = None


def scales_x_in_place(x, N):
    import math

    import numpy as np

    if isinstance(x, np.ndarray):
        x /= math.sqrt(2.0)  # the caller's array now holds u
        u = x
        half_x = 0.5 * math.sqrt(2.0) * u
    else:
        u = float(x) / math.sqrt(2.0)
        half_x = 0.5 * float(x)
    power, total = np.array(u, dtype=float), np.zeros_like(np.array(u, dtype=float))
    for n in range(N):
        total = total + power / (2 * n + 1)
        power = power * (-u * u) / (n + 1)
    result = half_x * (1.0 + 2.0 / math.sqrt(math.pi) * total)
    return result if np.ndim(result) else float(result)


scales_x_in_place.expect = "in place"
