"""ch03/jacobi_step - solved."""

import numpy as np


def jacobi_step(A, b, x):
    A = np.asarray(A, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    d = np.diag(A)
    off_diagonal = A @ x - d * x  # (L + U) x, computed from the old x only
    return (b - off_diagonal) / d  # a fresh array; nothing passed in is written to
