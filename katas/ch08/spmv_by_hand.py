"""ch08/spmv_by_hand - one entry of a sparse matrix-vector product (Derive).

With A in CSR form, the product y = A x visits only the stored entries: for each row i, the
positions k from row_ptr[i] up to (not including) row_ptr[i+1] each add
values[k] * x[col_idx[k]] to y[i]. A row with no stored entries gives y[i] = 0.

Use the matrix of ch08/csr_row_ptr,

    A = [[0, 0, 3, 0],
         [2, 0, 0, 0],
         [0, 0, 0, 0],
         [0, 4, 0, 1]]

stored as values = [3, 2, 4, 1], col_idx = [2, 0, 1, 3] and the row_ptr you found there, and
the vector x = [1, 2, 3, 4]. Indices start at 0, so y has entries y[0], y[1], y[2], y[3].

What is y[3], the last entry of y?

Your answer: set ANSWER to that number. It is graded within 1e-9 absolute.

Stuck? `numkata hint ch08/spmv_by_hand` shows one hint at a time.
"""

ANSWER = ...
