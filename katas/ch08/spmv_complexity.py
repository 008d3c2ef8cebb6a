"""ch08/spmv_complexity - counting the work SpMV does (Trace).

A dense matrix-vector product on an n x n matrix does n * n multiplications, zeros included.
The CSR product does

    for i in range(rows):
        for k in range(row_ptr[i], row_ptr[i + 1]):
            y[i] += values[k] * x[col_idx[k]]

Trace it on the matrix of ch08/csr_row_ptr,

    A = [[0, 0, 3, 0],
         [2, 0, 0, 0],
         [0, 0, 0, 0],
         [0, 4, 0, 1]]

and count the multiplications `values[k] * x[col_idx[k]]` it performs in each row.

Your answer: set ANSWER to a tuple (or list) of 4 integers (whole-valued floats count too), the number of multiplications done for row
0, row 1, row 2 and row 3, in that order. It is graded exactly. (Add them up and compare with
the 16 of the dense product: that total is what makes SpMV cost O(nnz) instead of O(n**2).)

Stuck? `numkata hint ch08/spmv_complexity` shows one hint at a time.
"""

ANSWER = ...
