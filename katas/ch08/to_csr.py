"""ch08/to_csr - dense to CSR (Build).

Before a sparse kernel can run, somebody has to produce the three CSR arrays. Here you write
that conversion: scan a dense matrix and keep only what is not zero.

Contract
--------
to_csr(dense) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]
    `dense` is a 2-D array-like of real numbers: a NumPy array of shape (rows, cols), or a
    list of equal-length lists. rows and cols may be 0 (a NumPy array of shape (0, 3), (2, 0)
    or (0, 0)), and the matrix may have no non-zeros.
    Returns (values, col_idx, row_ptr), three 1-D NumPy arrays:
    - `values`: float64, the entries that are not zero, row by row and, inside a row, left
      to right (column order). Entries equal to zero - 0.0 and -0.0 alike - are left out;
      everything else is kept exactly (converted to float64);
    - `col_idx`: integers (any integer dtype), the column of each kept entry;
    - `row_ptr`: integers (any integer dtype), length rows + 1: row_ptr[0] = 0 and
      row_ptr[i+1] - row_ptr[i] is the number of kept entries of row i, so
      row_ptr[-1] = len(values).
    `dense` is not modified. Feeding the result to a CSR matrix-vector product (ch08/spmv)
    gives the same y as the dense product.

    Example: [[1, 0, 2], [0, 3, 0], [4, 0, 5]] gives values [1., 2., 3., 4., 5.],
    col_idx [0, 2, 1, 0, 2] and row_ptr [0, 2, 3, 5].

Stuck? `numkata hint ch08/to_csr` shows one hint at a time.
"""

import numpy as np


def to_csr(dense):
    raise NotImplementedError
