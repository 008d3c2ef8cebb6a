"""ch08/spmv - sparse matrix times vector in O(nnz) (Build).

A matrix with a million rows and a million columns would need 8 TB as a dense float64 array,
but if it has only a hundred thousand non-zeros its CSR form (see ch08/csr_row_ptr) fits in
about a megabyte - and the product y = A x can be computed touching only those entries.

Contract
--------
spmv(values, col_idx, row_ptr, x) -> numpy.ndarray
    A is given in CSR form:
    - `values`: 1-D array-like (list or NumPy array) of the nnz stored entries (numbers);
    - `col_idx`: 1-D array-like of nnz integers, the column of each stored entry; inside a
      row the columns are distinct and increasing;
    - `row_ptr`: 1-D array-like of rows + 1 integers; row_ptr[0] = 0, it never decreases and
      row_ptr[-1] = nnz. Row i owns positions row_ptr[i] .. row_ptr[i+1] - 1. Rows may be
      empty, and there may be no rows at all (row_ptr = [0]).
    - `x`: 1-D array-like of floats; A has len(x) columns (possibly 0).
    Returns y = A x as a float64 NumPy array of shape (rows,), where rows = len(row_ptr) - 1;
    an empty row gives 0.0. Each y[i] is within 1e-10 (relative to the largest
    sum of abs(values[k] * x[col_idx[k]]) over a row) of the exact sum, which every ordinary
    summation order meets. No argument is modified.

    Cost: time and memory O(nnz + rows + len(x)). The checks include a 10**6 x 10**6 matrix
    with 10**5 non-zeros: spmv must return within 30 seconds, needing no more than about
    200 MB beyond its inputs (a plain Python loop over the rows takes 1-4 seconds there, one
    small NumPy call per row 5-15 seconds; a dense copy of A would need 8 TB, and a loop over
    every (row, column) pair would run for days). While that check runs, the process's address space is capped so that building
    the dense matrix fails at once with MemoryError instead of swapping the machine.

Stuck? `numkata hint ch08/spmv` shows one hint at a time.
"""

import numpy as np


def spmv(values, col_idx, row_ptr, x):
    raise NotImplementedError
