"""Other correct spmv solutions: each must pass."""

import numpy as np
import scipy.sparse  # at import time: pytester's in-process runs cannot re-import numpy.fft


def pure_python_loop(values, col_idx, row_ptr, x):
    values, col_idx, row_ptr, x = list(values), list(col_idx), list(row_ptr), list(x)
    rows = len(row_ptr) - 1
    y = [0.0] * rows
    for i in range(rows):
        acc = 0.0
        for k in range(row_ptr[i], row_ptr[i + 1]):
            acc += values[k] * x[col_idx[k]]
        y[i] = acc
    return np.array(y, dtype=np.float64)


def scipy_sparse(values, col_idx, row_ptr, x):
    x = np.asarray(x, dtype=np.float64)
    row_ptr = np.asarray(row_ptr, dtype=np.int64)
    A = scipy.sparse.csr_matrix(
        (np.asarray(values, dtype=np.float64), np.asarray(col_idx, dtype=np.int64), row_ptr),
        shape=(len(row_ptr) - 1, len(x)),
    )
    return np.asarray(A @ x, dtype=np.float64)


def reduceat_vectorised(values, col_idx, row_ptr, x):
    values = np.asarray(values, dtype=np.float64)
    col_idx = np.asarray(col_idx, dtype=np.intp)
    row_ptr = np.asarray(row_ptr, dtype=np.intp)
    x = np.asarray(x, dtype=np.float64)
    rows = len(row_ptr) - 1
    products = values * x[col_idx]
    y = np.zeros(rows)
    nonempty = np.diff(row_ptr) > 0
    if nonempty.any():
        y[nonempty] = np.add.reduceat(products, row_ptr[:-1][nonempty])
    return y


def per_row_numpy_dot(values, col_idx, row_ptr, x):
    # one small NumPy call per row: O(nnz + rows), about 5 s for the million-row check
    values = np.asarray(values, dtype=np.float64)
    col_idx = np.asarray(col_idx)
    x = np.asarray(x, dtype=np.float64)
    rows = len(row_ptr) - 1
    y = np.zeros(rows)
    for i in range(rows):
        s, e = row_ptr[i], row_ptr[i + 1]
        y[i] = np.dot(values[s:e], x[col_idx[s:e]])
    return y


def add_at(values, col_idx, row_ptr, x):
    values = np.asarray(values, dtype=np.float64)
    col_idx = np.asarray(col_idx, dtype=np.intp)
    row_ptr = np.asarray(row_ptr, dtype=np.intp)
    x = np.asarray(x, dtype=np.float64)
    rows = len(row_ptr) - 1
    y = np.zeros(rows)
    row_of = np.repeat(np.arange(rows), np.diff(row_ptr))
    np.add.at(y, row_of, values * x[col_idx])
    return y
