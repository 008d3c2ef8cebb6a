"""ch08/spmv - solved."""

import numpy as np


def spmv(values, col_idx, row_ptr, x):
    values = np.asarray(values, dtype=np.float64)
    col_idx = np.asarray(col_idx, dtype=np.intp)
    row_ptr = np.asarray(row_ptr, dtype=np.intp)
    x = np.asarray(x, dtype=np.float64)
    rows = len(row_ptr) - 1
    # one product per stored entry, then a sum per row: O(nnz + rows) work and memory
    products = values * x[col_idx]
    row_of_entry = np.repeat(np.arange(rows), np.diff(row_ptr))
    return np.bincount(row_of_entry, weights=products, minlength=rows).astype(np.float64)
