"""Known-buggy condition_number solutions. Each must be rejected; `expect` is the named mistake."""

import math

import numpy as np


def _inverse_or_none(A):
    try:
        return np.linalg.inv(A)
    except np.linalg.LinAlgError:
        return None


def column_sums(A):
    A = np.array(A, dtype=float)
    inv = _inverse_or_none(A)
    if inv is None:
        return math.inf
    return float(np.abs(A).sum(axis=0).max() * np.abs(inv).sum(axis=0).max())


column_sums.expect = "1-norm"


def numpy_default_norm(A):
    return float(np.linalg.cond(np.array(A, dtype=float)))


numpy_default_norm.expect = "2-norm"


def forgets_the_inverse(A):
    A = np.array(A, dtype=float)
    if _inverse_or_none(A) is None:
        return math.inf
    return float(np.abs(A).sum(axis=1).max() ** 2)


forgets_the_inverse.expect = "norm of the inverse"


def raises_when_singular(A):
    A = np.array(A, dtype=float)
    inv = np.linalg.inv(A)
    return float(np.abs(A).sum(axis=1).max() * np.abs(inv).sum(axis=1).max())


raises_when_singular.expect = "must give math.inf"


def nan_when_singular(A):
    A = np.array(A, dtype=float)
    inv = _inverse_or_none(A)
    if inv is None:
        return math.nan
    return float(np.abs(A).sum(axis=1).max() * np.abs(inv).sum(axis=1).max())


nan_when_singular.expect = "nan is not the answer"


def small_determinant_is_singular(A):
    A = np.array(A, dtype=float)
    if abs(np.linalg.det(A)) < 1e-12:
        return math.inf
    inv = np.linalg.inv(A)
    return float(np.abs(A).sum(axis=1).max() * np.abs(inv).sum(axis=1).max())


small_determinant_is_singular.expect = "only an exactly zero pivot means singular"


def largest_entries(A):
    A = np.array(A, dtype=float)
    inv = _inverse_or_none(A)
    if inv is None:
        return math.inf
    return float(np.abs(A).max() * np.abs(inv).max())


largest_entries.expect = "largest absolute entries"


def gauss_jordan_in_place(A):
    A = np.asarray(A, dtype=float)  # no copy for a float64 array: elimination below wrecks A
    n = A.shape[0]
    norm_a = np.abs(A).sum(axis=1).max()
    inv = np.eye(n)
    for col in range(n):
        p = col + int(np.argmax(np.abs(A[col:, col])))
        if A[p, col] == 0.0:
            return math.inf
        A[[col, p]] = A[[p, col]]
        inv[[col, p]] = inv[[p, col]]
        pivot = A[col, col]
        A[col] /= pivot
        inv[col] /= pivot
        for r in range(n):
            if r != col:
                f = A[r, col]
                A[r] -= f * A[col]
                inv[r] -= f * inv[col]
    return float(norm_a * np.abs(inv).sum(axis=1).max())


gauss_jordan_in_place.expect = "in place"
