"""Hidden checks for ch08/csr_row_ptr.

Oracle: scipy.sparse builds the CSR form of the matrix (its `indptr` is row_ptr).
"""

import numpy as np
import scipy.sparse as sp

from pytest_numkata.checking import answer, expect_answer_equal, fail

A = [[0, 0, 3, 0], [2, 0, 0, 0], [0, 0, 0, 0], [0, 4, 0, 1]]


def _as_int_tuple(value):
    try:
        items = [v for v in value]
        ints = tuple(int(v) for v in items)
    except (TypeError, ValueError, OverflowError):
        fail(f"ANSWER should be a list of integers, but it is {value!r}")
    if any(float(v) != i for v, i in zip(items, ints)):
        fail(f"ANSWER should hold whole numbers (positions in `values`), but it is {value!r}")
    return ints


def matches_the_row_pointer(kata):
    got = _as_int_tuple(answer(kata, kinds=(list, tuple, np.ndarray)))
    indptr = tuple(int(v) for v in sp.csr_array(np.array(A, dtype=float)).indptr)
    counts = tuple(int(v) for v in np.diff(indptr))
    nonempty = (0,) + tuple(indptr[i + 1] for i in range(len(A)) if counts[i] > 0)
    expect_answer_equal(
        got,
        indptr,
        label="(row_ptr)",
        mistakes={
            "row_ptr starts with 0: it has rows + 1 entries, the first one where row 0 begins":
                indptr[1:],
            "row_ptr ends with the total number of non-zeros: it has rows + 1 entries":
                indptr[:-1],
            "those are the non-zeros per row; row_ptr holds their running total starting at 0":
                counts,
            "an empty row still gets its entry in row_ptr (it repeats the previous one)":
                nonempty,
        },
    )
