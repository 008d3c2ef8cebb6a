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


def keeps_integer_dtype(A):
    import math

    import numpy as np

    a = np.array(A)  # an int matrix stays int: the elimination below truncates
    n = len(a)
    inv = np.eye(n, dtype=a.dtype)
    work = a.copy()
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(work[r, c]))
        if work[p, c] == 0:
            return math.inf
        work[[c, p]], inv[[c, p]] = work[[p, c]], inv[[p, c]]
        piv = work[c, c]
        work[c] = work[c] / piv
        inv[c] = inv[c] / piv
        for r in range(n):
            if r != c:
                factor = work[r, c]
                work[r] = work[r] - factor * work[c]
                inv[r] = inv[r] - factor * inv[c]
    return float(np.abs(a).sum(axis=1).max() * np.abs(inv).sum(axis=1).max())


keeps_integer_dtype.expect = None


def arrays_only(A):
    import math

    import numpy as np

    if not isinstance(A, np.ndarray):
        raise TypeError("pass a NumPy array")
    try:
        inv = np.linalg.inv(A)
    except np.linalg.LinAlgError:
        return math.inf
    return float(np.abs(A).sum(axis=1).max() * np.abs(inv).sum(axis=1).max())


arrays_only.expect = None


def tiny_matrix_is_singular(A):
    import math

    import numpy as np

    A = np.array(A, dtype=float)
    if np.abs(A).max() < 1e-2:  # "too small to invert" - the contract says it is not singular
        return math.inf
    inv = np.linalg.inv(A)
    return float(np.abs(A).sum(axis=1).max() * np.abs(inv).sum(axis=1).max())


tiny_matrix_is_singular.expect = None
