"""ch08/spmv_complexity - solved."""

# Row i runs row_ptr[i+1] - row_ptr[i] times; row_ptr = [0, 1, 2, 2, 4]. Total 4 = nnz, not 16.
ANSWER = (1, 1, 0, 2)
