"""ch11/matrix_exp - solved."""

import numpy as np


def matrix_exp_series(A, N):
    A = np.asarray(A, dtype=np.float64)
    term = np.eye(A.shape[0])  # A^0 / 0! = I
    total = term.copy()
    for n in range(1, N):
        term = term @ A / n  # A^n / n! from the previous term: a matrix product
        total = total + term
    return total
