"""ch10/neumann_inverse - solved."""

import numpy as np


def neumann_inverse(A, K):
    A = np.array(A, dtype=float)  # a copy: A itself is never written to
    n = A.shape[0]
    total = np.eye(n)
    power = np.eye(n)
    for _ in range(K):
        power = power @ A  # the matrix power A^k, one product per term
        total = total + power
    return total
