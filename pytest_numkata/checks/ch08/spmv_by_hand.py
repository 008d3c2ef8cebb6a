"""Hidden checks for ch08/spmv_by_hand.

Oracle: the dense product A @ x in NumPy.
"""

import numpy as np

from pytest_numkata.checking import answer, expect_answer_close

A = np.array([[0, 0, 3, 0], [2, 0, 0, 0], [0, 0, 0, 0], [0, 4, 0, 1]], dtype=float)
X = np.array([1, 2, 3, 4], dtype=float)


def matches_the_last_entry_of_the_product(kata):
    y = A @ X
    expect_answer_close(
        answer(kata),
        y[3],
        rtol=0,
        atol=1e-9,
        label="(y[3])",
        mistakes={
            "that is y[2], the third entry: indices start at 0, so y[3] is the fourth":
                float(y[2]),
            "that is entry 3 of A^T x: row 3 of A is [0, 4, 0, 1], not column 3":
                float((A.T @ X)[3]),
            "that is the sum of all of y: only row 3 contributes to y[3]": float(y.sum()),
        },
    )
