"""Hidden checks for ch02/kappa_2x2.

Oracle: exact rational arithmetic (fractions) on the decimal entries.
"""

import numpy as np

from pytest_numkata.checking import answer, expect_answer_close

from ._exact import cond_inf, inf_norm, inverse, to_fractions

A = [["1", "1"], ["1", "1.0001"]]


def matches_the_infinity_norm_condition_number(kata):
    exact = to_fractions(A)
    expected = float(cond_inf(exact))
    expect_answer_close(
        answer(kata),
        expected,
        rtol=1e-6,
        mistakes={
            "that is the 2-norm condition number σmax/σmin: this kata "
            "asks for ‖A‖∞ · ‖A⁻¹‖∞, the largest absolute row sums":
                float(np.linalg.cond(np.array([[1, 1], [1, 1.0001]]))),
            "that is ‖A⁻¹‖∞ alone: multiply by ‖A‖∞": float(inf_norm(inverse(exact))),
            "that is ‖A‖∞ alone: the condition number also needs the norm of the inverse":
                float(inf_norm(exact)),
            "that is 1 / det(A), not the condition number": 1 / (1 * 1.0001 - 1),
        },
    )
