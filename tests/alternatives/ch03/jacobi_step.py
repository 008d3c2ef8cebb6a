"""Other correct jacobi_step solutions, written from the docstring alone."""

import math

import numpy as np


def component_loop(A, b, x):
    n = len(b)
    new = []
    for i in range(n):
        s = math.fsum(float(A[i][j]) * float(x[j]) for j in range(n) if j != i)
        new.append((float(b[i]) - s) / float(A[i][i]))
    return np.array(new, dtype=np.float64)


def residual_form(A, b, x):
    A = np.asarray(A, dtype=float)
    b = np.asarray(b, dtype=float)
    x = np.asarray(x, dtype=float)
    return x + (b - A @ x) / np.diag(A)


def matrix_splitting(A, b, x):
    A = np.array(A, dtype=np.float64)
    D = np.diag(np.diag(A))
    LU = np.tril(A, -1) + np.triu(A, 1)
    return np.linalg.solve(D, np.asarray(b, dtype=np.float64) - LU @ np.asarray(x, dtype=np.float64))


def off_diagonal_by_subtraction(A, b, x):
    A = np.asarray(A, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    d = np.diagonal(A)
    off = A @ x - d * x
    return (np.asarray(b, dtype=np.float64) - off) / d
