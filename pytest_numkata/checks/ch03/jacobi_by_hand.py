"""Hidden checks for ch03/jacobi_by_hand.

Oracle: two Jacobi sweeps in exact rational arithmetic (fractions).
"""

from fractions import Fraction

from pytest_numkata.checking import answer, expect_answer_close

from ._jacobi import WORKED_A, WORKED_B, gauss_seidel, iterates, jacobi


def matches_x1_after_two_steps(kata):
    xs = iterates(jacobi, [0, 0], 2)
    gs = iterates(gauss_seidel, [0, 0], 2)
    exact_solution = (Fraction(WORKED_B[0]) * WORKED_A[1][1] - WORKED_A[0][1] * WORKED_B[1]) / (
        WORKED_A[0][0] * WORKED_A[1][1] - WORKED_A[0][1] * WORKED_A[1][0])
    expect_answer_close(
        answer(kata),
        float(xs[2][0]),
        rtol=1e-3,
        mistakes={
            "that is Gauss-Seidel: within a Jacobi step x2 must use the OLD x1, not the one "
            "just computed": float(gs[2][0]),
            "that is x1 after one step; the question asks after two": float(xs[1][0]),
            "that is x2 after two steps; the question asks for x1": float(xs[2][1]),
            "that is the exact solution's x1, not the second iterate": float(exact_solution),
        },
    )
