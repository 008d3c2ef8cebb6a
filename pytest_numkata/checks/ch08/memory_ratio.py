"""Hidden checks for ch08/memory_ratio.

Oracle: the byte counts of the actual arrays (NumPy itemsize of float32 and int32) for a
1000 x 1000 matrix with 10% non-zeros, as an exact fraction.
"""

from fractions import Fraction

import numpy as np

from pytest_numkata.checking import answer, expect_answer_close

ROWS = COLS = 1000


def _bytes():
    nnz = ROWS * COLS // 10
    f32, i32 = np.dtype(np.float32).itemsize, np.dtype(np.int32).itemsize
    dense = ROWS * COLS * f32
    values, col_idx, row_ptr = nnz * f32, nnz * i32, (ROWS + 1) * i32
    return dense, values, col_idx, row_ptr


def matches_the_csr_to_dense_ratio(kata):
    dense, values, col_idx, row_ptr = _bytes()
    expected = Fraction(values + col_idx + row_ptr, dense)
    i32 = np.dtype(np.int32).itemsize
    expect_answer_close(
        answer(kata),
        float(expected),
        rtol=1e-6,
        label="(CSR bytes / dense bytes)",
        mistakes={
            "row_ptr is missing: CSR also stores rows + 1 row pointers":
                float(Fraction(values + col_idx, dense)),
            "row_ptr has rows + 1 = 1001 entries, not 1000 (or the answer was rounded: give at "
            "least 7 significant digits)":
                float(Fraction(values + col_idx + ROWS * i32, dense)),
            "col_idx is missing: every stored value needs its column index":
                float(Fraction(values + row_ptr, dense)),
            "that is dense / CSR: the question asks for CSR / dense": float(1 / expected),
            "that counts 90% of the entries as non-zero: 90% sparse means 10% non-zero":
                float(Fraction(9 * (values + col_idx) + row_ptr, dense)),
        },
    )
