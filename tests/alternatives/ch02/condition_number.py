"""Other correct condition_number solutions, written from the docstring alone."""

import math

import numpy as np


def _row_norm(rows):
    return max(math.fsum(abs(v) for v in row) for row in rows)


def pure_python_gauss_jordan(A):
    """Invert with Gauss-Jordan elimination and partial pivoting, in plain Python floats."""
    n = len(A)
    M = [[float(v) for v in row] + [1.0 if i == j else 0.0 for j in range(n)]
         for i, row in enumerate(A)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(M[r][col]))
        if M[pivot][col] == 0.0:
            return math.inf
        M[col], M[pivot] = M[pivot], M[col]
        p = M[col][col]
        M[col] = [v / p for v in M[col]]
        for r in range(n):
            if r != col and M[r][col] != 0.0:
                factor = M[r][col]
                M[r] = [a - factor * b for a, b in zip(M[r], M[col])]
    inverse = [row[n:] for row in M]
    return _row_norm([[float(v) for v in row] for row in A]) * _row_norm(inverse)


def numpy_cond(A):
    return np.linalg.cond(np.asarray(A, dtype=float), np.inf)


def scipy_inv_catching_the_error(A):
    import scipy.linalg

    A = np.array(A, dtype=np.float64)
    try:
        inverse = scipy.linalg.inv(A)
    except (np.linalg.LinAlgError, scipy.linalg.LinAlgError):
        return math.inf
    return np.linalg.norm(A, np.inf) * np.linalg.norm(inverse, np.inf)


def determinant_test_then_solve(A):
    A = np.asarray(A, dtype=np.float64)
    if np.linalg.det(A) == 0.0:
        return math.inf
    inverse = np.linalg.solve(A, np.eye(A.shape[0]))
    return float(np.abs(A).sum(axis=1).max() * np.abs(inverse).sum(axis=1).max())
