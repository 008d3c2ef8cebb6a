"""Hidden checks for ch08/spmv_complexity.

Oracle: the CSR loop itself, run on scipy's CSR form of the matrix with a counter.
"""

import numpy as np
import scipy.sparse as sp

from pytest_numkata.checking import answer, expect_answer_equal, fail

A = np.array([[0, 0, 3, 0], [2, 0, 0, 0], [0, 0, 0, 0], [0, 4, 0, 1]], dtype=float)


def _counted_spmv(csr, x):
    counts = []
    y = np.zeros(csr.shape[0])
    for i in range(csr.shape[0]):
        n = 0
        for k in range(csr.indptr[i], csr.indptr[i + 1]):
            y[i] += csr.data[k] * x[csr.indices[k]]
            n += 1
        counts.append(n)
    return tuple(counts), y


def matches_the_multiplications_per_row(kata):
    got = answer(kata, kinds=(tuple, list))
    try:
        ints = tuple(int(v) for v in got)
        whole = all(float(v) == i for v, i in zip(got, ints))
    except (TypeError, ValueError, OverflowError):
        whole = False
    if not whole:
        fail(f"ANSWER should be a tuple of 4 integers, but it is {got!r}")
    got = ints
    csr = sp.csr_array(A)
    x = np.array([1.0, 2.0, 3.0, 4.0])
    counts, y = _counted_spmv(csr, x)
    assert np.allclose(y, A @ x)  # the counted loop is an honest SpMV
    rows, cols = A.shape
    expect_answer_equal(
        got,
        counts,
        label="(multiplications per row)",
        mistakes={
            "that is the dense count: CSR never multiplies the zeros it did not store":
                (cols,) * rows,
            "that is row_ptr's running total: row i costs row_ptr[i+1] - row_ptr[i]":
                tuple(int(v) for v in csr.indptr[1:]),
            "that counts the non-zeros per column: the loop goes row by row":
                tuple(int(v) for v in np.count_nonzero(A, axis=0)),
            "give one count per row - 4 rows, so 4 numbers, the empty row included":
                lambda g: len(g) != rows,
        },
    )
