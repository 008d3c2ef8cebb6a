"""Known-buggy to_csr solutions. Each must be rejected; `expect` is the named mistake."""

import numpy as np


def _scan(a, order):
    values, col_idx, counts = [], [], [0] * a.shape[0]
    cells = ((i, j) for i in range(a.shape[0]) for j in range(a.shape[1]))
    if order == "F":
        cells = ((i, j) for j in range(a.shape[1]) for i in range(a.shape[0]))
    for i, j in cells:
        if a[i, j] != 0:
            values.append(a[i, j])
            col_idx.append(j)
            counts[i] += 1
    return values, col_idx, counts


def no_leading_zero(dense):
    a = np.asarray(dense, dtype=float)
    values, col_idx, counts = _scan(a, "C")
    return np.array(values, dtype=float), np.array(col_idx, dtype=int), np.cumsum(counts, dtype=int)


no_leading_zero.expect = "row_ptr must start with 0"


def no_last_entry(dense):
    a = np.asarray(dense, dtype=float)
    values, col_idx, counts = _scan(a, "C")
    row_ptr = np.concatenate([[0], np.cumsum(counts, dtype=int)])[:-1]
    return np.array(values, dtype=float), np.array(col_idx, dtype=int), row_ptr


no_last_entry.expect = "row_ptr must end with nnz"


def column_major(dense):
    a = np.asarray(dense, dtype=float)
    values, col_idx, counts = _scan(a, "F")
    row_ptr = np.concatenate([[0], np.cumsum(counts, dtype=int)]).astype(int)
    return np.array(values, dtype=float), np.array(col_idx, dtype=int), row_ptr


column_major.expect = "column-major order"


def keeps_explicit_zeros(dense):
    a = np.asarray(dense, dtype=float)
    rows, cols = a.shape
    values = a.ravel().copy()
    col_idx = np.tile(np.arange(cols), rows)
    row_ptr = np.arange(rows + 1) * cols
    return values, col_idx, row_ptr


keeps_explicit_zeros.expect = "explicit zeros were kept"


def keeps_negative_zero(dense):
    a = np.asarray(dense, dtype=float)
    keep = (a != 0) | np.signbit(a)
    rows_of, col_idx = np.nonzero(keep)
    row_ptr = np.concatenate([[0], np.cumsum(keep.sum(axis=1))]).astype(int)
    return a[rows_of, col_idx], col_idx, row_ptr


keeps_negative_zero.expect = "explicit zeros were kept"


def integer_values(dense):
    a = np.asarray(dense)
    rows_of, col_idx = np.nonzero(a)
    row_ptr = np.concatenate([[0], np.cumsum(np.count_nonzero(a, axis=1))]).astype(int)
    return a[rows_of, col_idx], col_idx, row_ptr


integer_values.expect = "float64"


def columns_from_the_first_row(dense):
    rows = len(dense)
    cols = len(dense[0])  # a matrix with no rows has no first row
    a = np.asarray(dense, dtype=float).reshape(rows, cols)
    values, col_idx, counts = _scan(a, "C")
    return (np.array(values, dtype=float), np.array(col_idx, dtype=int),
            np.concatenate([[0], np.cumsum(counts)]).astype(int))


columns_from_the_first_row.expect = None


def clears_entries_as_it_goes(dense):
    a = dense if isinstance(dense, np.ndarray) else np.asarray(dense, dtype=float)
    values, col_idx, counts = [], [], [0] * a.shape[0]
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            if a[i, j] != 0:
                values.append(float(a[i, j]))
                col_idx.append(j)
                counts[i] += 1
                a[i, j] = 0  # "consumed" - but it is the caller's matrix
    return (np.array(values, dtype=float), np.array(col_idx, dtype=int),
            np.concatenate([[0], np.cumsum(counts)]).astype(int))


clears_entries_as_it_goes.expect = "in place"


def float_indices(dense):
    a = np.asarray(dense, dtype=float)
    values, col_idx, counts = _scan(a, "C")
    return (np.array(values, dtype=float), np.array(col_idx, dtype=float),
            np.concatenate([[0], np.cumsum(counts)]).astype(float))


float_indices.expect = None


def float32_values(dense):
    a = np.asarray(dense, dtype=float)
    values, col_idx, counts = _scan(a, "C")
    return (np.array(values, dtype=np.float32), np.array(col_idx, dtype=int),
            np.concatenate([[0], np.cumsum(counts)]).astype(int))


float32_values.expect = None
