"""Hidden checks for ch02/identity_kappa.

Oracle: NumPy's infinity-norm condition number of the identity for n = 1..8 (all equal).
"""

import numpy as np

from pytest_numkata.checking import answer, expect_answer_close


def matches_the_identity_for_every_size(kata):
    values = {float(np.linalg.cond(np.eye(n), p=np.inf)) for n in range(1, 9)}
    assert len(values) == 1
    (expected,) = values
    expect_answer_close(
        answer(kata),
        expected,
        rtol=1e-9,
        mistakes={
            "0 would mean no sensitivity at all, but κ = ‖A‖·‖A⁻¹‖ >= ‖A A⁻¹‖ = ‖I‖ = 1 for "
            "every matrix": 0.0,
            "the infinity norm of I is its largest row sum, 1 - not n (or the sum of all "
            "entries)": lambda got: float(got) > 1,
        },
    )
