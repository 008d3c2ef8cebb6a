"""Hidden checks for ch02/perturbation.

Oracle: both systems solved exactly in rational arithmetic (fractions).
"""

from fractions import Fraction

from pytest_numkata.checking import answer, expect_answer_close

from ._exact import inverse, to_fractions

A = [["1", "1"], ["1", "1.0001"]]
B = ["2", "2.0001"]
B_NEW = ["2", "2.0002"]


def _solve(b):
    inv = inverse(to_fractions(A))
    b = [Fraction(v) for v in b]
    return [sum(a * v for a, v in zip(row, b)) for row in inv]


def matches_the_change_in_x1(kata):
    x, x_new = _solve(B), _solve(B_NEW)
    change = abs(x_new[0] - x[0])
    db = abs(Fraction(B_NEW[1]) - Fraction(B[1]))
    expect_answer_close(
        answer(kata),
        float(change),
        atol=1e-6,
        rtol=0,
        mistakes={
            "the sign: the question asks for the size of the change, abs(x1' - x1)":
                float(-change),
            "that is the change in b, not in x: solve both systems and compare x1": float(db),
            "that is the relative change in b (about 5e-5): the question asks how much x1 moves":
                lambda got: abs(float(got) - float(db / Fraction(B[1]))) < 1e-5,
        },
    )
