"""ch02/condition_number - solved."""

import math

import numpy as np


def condition_number(A):
    A = np.array(A, dtype=np.float64)  # a copy: A itself is never touched
    try:
        inv = np.linalg.inv(A)
    except np.linalg.LinAlgError:  # an exactly zero pivot: A is singular
        return math.inf
    # infinity norm = largest absolute row sum (sum along axis 1)
    return float(np.abs(A).sum(axis=1).max() * np.abs(inv).sum(axis=1).max())
