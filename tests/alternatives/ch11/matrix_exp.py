"""Other correct matrix_exp_series solutions: each must pass."""

import math

import numpy as np


def matrix_powers(A, N):
    A = np.asarray(A, dtype=np.float64)
    return sum((np.linalg.matrix_power(A, n) / math.factorial(n) for n in range(N)),
               start=np.zeros_like(A))


def horner(A, N):
    # I + A/1 (I + A/2 (I + ... (I + A/(N-1))))
    A = np.asarray(A, dtype=np.float64)
    identity = np.eye(A.shape[0])
    total = identity.copy()
    for n in range(N - 1, 0, -1):
        total = identity + (A @ total) / n
    return total


def pure_python_lists(A, N):
    rows = np.asarray(A, dtype=np.float64).tolist()
    k = len(rows)
    term = [[1.0 if i == j else 0.0 for j in range(k)] for i in range(k)]
    total = [r[:] for r in term]
    for n in range(1, N):
        term = [[math.fsum(term[i][l] * rows[l][j] for l in range(k)) / n for j in range(k)]
                for i in range(k)]
        total = [[total[i][j] + term[i][j] for j in range(k)] for i in range(k)]
    return np.array(total)
