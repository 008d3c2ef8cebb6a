"""ch08/memory_ratio - how much memory CSR saves (Derive).

A 1000 x 1000 matrix has 10% of its entries non-zero (so it is 90% sparse). Compare two ways
of storing it:

- dense: every entry as an FP32 number (4 bytes);
- CSR: `values` as FP32 (4 bytes each), `col_idx` and `row_ptr` as INT32 (4 bytes each),
  with the usual lengths: one value and one column index per non-zero, and rows + 1 entries
  in row_ptr.

What is the ratio (CSR bytes) / (dense bytes)?

Your answer: set ANSWER to that ratio as a Python number. An expression built from the byte
counts is welcome. It is graded within 1e-6 relative, so a decimal answer needs at least 7
significant digits.

(Food for thought: the ratio is about 8 * density, plus the small row_ptr term. So CSR only
pays off below roughly 50% density - and at 99.9% sparsity of this matrix the ratio is about
0.003, not 0.002: the 1001 row_ptr entries then cost half as much as the non-zeros.)

Stuck? `numkata hint ch08/memory_ratio` shows one hint at a time.
"""

ANSWER = ...
