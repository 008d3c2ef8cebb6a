"""ch08/memory_ratio - solved."""

rows = cols = 1000
nnz = rows * cols // 10
dense = 4 * rows * cols
csr = 4 * nnz + 4 * nnz + 4 * (rows + 1)  # values + col_idx + row_ptr
ANSWER = csr / dense
