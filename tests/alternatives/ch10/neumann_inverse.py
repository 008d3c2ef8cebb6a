"""Other correct neumann_inverse solutions: each must pass."""

import numpy as np


def matrix_power_sum(A, K):
    A = np.asarray(A, dtype=np.float64)
    return sum((np.linalg.matrix_power(A, k) for k in range(K + 1)),
               start=np.zeros_like(A))


def horner(A, K):
    # I + A (I + A (I + ...)): K products, no powers kept
    A = np.asarray(A, dtype=np.float64)
    identity = np.eye(A.shape[0])
    total = identity.copy()
    for _ in range(K):
        total = identity + A @ total
    return total


def pure_python_lists(A, K):
    rows = [[float(v) for v in row] for row in A]
    n = len(rows)

    def matmul(X, Y):
        return [[sum(X[i][k] * Y[k][j] for k in range(n)) for j in range(n)] for i in range(n)]

    power = [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]
    total = [row[:] for row in power]
    for _ in range(K):
        power = matmul(power, rows)
        total = [[total[i][j] + power[i][j] for j in range(n)] for i in range(n)]
    return np.array(total)


def einsum_powers(A, K):
    A = np.array(A, dtype=np.float64)
    power = np.eye(A.shape[0])
    total = power.copy()
    for _ in range(K):
        power = np.einsum("ij,jk->ik", power, A)
        total += power
    return total
