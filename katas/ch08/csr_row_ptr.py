"""ch08/csr_row_ptr - the row pointer of a small CSR matrix (Derive).

Compressed Sparse Row (CSR) storage keeps only the non-zero entries of a matrix, in three
arrays:

- `values`: the non-zero entries, row by row and, inside a row, left to right;
- `col_idx`: the column of each of those entries;
- `row_ptr`: where each row starts in `values`. It has one entry per row plus one final
  entry, so row i owns positions row_ptr[i] up to (not including) row_ptr[i+1].

For instance [[1, 0, 2], [0, 3, 0], [4, 0, 5]] is stored as values = [1, 2, 3, 4, 5],
col_idx = [0, 2, 1, 0, 2] and row_ptr = [0, 2, 3, 5].

Now take

    A = [[0, 0, 3, 0],
         [2, 0, 0, 0],
         [0, 0, 0, 0],
         [0, 4, 0, 1]]

whose values are [3, 2, 4, 1] and col_idx [2, 0, 1, 3]. What is its row_ptr?

Your answer: set ANSWER to row_ptr as a list (or tuple, or NumPy array) of integers
(whole-valued floats count too), first entry first. It is graded exactly.

Stuck? `numkata hint ch08/csr_row_ptr` shows one hint at a time.
"""

ANSWER = ...
