"""Known-buggy matrix_exp_series solutions. Each must be rejected; `expect` is the named
mistake."""

import math

import numpy as np


def elementwise_power(A, N):
    return sum(A**n / math.factorial(n) for n in range(N))


elementwise_power.expect = "A ** n is an elementwise power"


def one_term_too_many(A, N):
    return sum(np.linalg.matrix_power(A, n) / math.factorial(n) for n in range(N + 1))


one_term_too_many.expect = "N + 1 terms"


def starts_without_the_identity(A, N):
    total = np.zeros_like(A, dtype=float)
    term = np.eye(A.shape[0])
    for n in range(1, N):
        term = term @ A / n
        total = total + term
    return total


starts_without_the_identity.expect = "identity"


def scipy_expm(A, N):
    from scipy.linalg import expm

    return expm(A)


scipy_expm.expect = "full exponential"


def reuses_a_for_the_powers(A, N):
    import numpy as np

    original = A.copy()
    total = np.eye(A.shape[0])
    if N > 1:
        total = total + A
    power = A  # the caller's matrix holds A^n / n! from here on
    for n in range(2, N):
        power[...] = power @ original / n
        total = total + power
    return total


reuses_a_for_the_powers.expect = "in place"


def one_term_is_i_plus_a(A, N):
    import numpy as np

    A = np.asarray(A, dtype=np.float64)
    term = np.eye(A.shape[0])
    total = term.copy()
    for n in range(1, max(N, 2)):  # N = 1 should give I alone
        term = term @ A / n
        total = total + term
    return total


one_term_is_i_plus_a.expect = None
