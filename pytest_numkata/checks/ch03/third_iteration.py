"""Hidden checks for ch03/third_iteration.

Oracle: three Jacobi sweeps in exact rational arithmetic (fractions).
"""

from pytest_numkata.checking import answer, expect_answer_close

from ._jacobi import gauss_seidel, iterates, jacobi


def matches_x2_after_three_steps(kata):
    xs = iterates(jacobi, [0, 0], 4)
    gs = iterates(gauss_seidel, [0, 0], 3)
    expect_answer_close(
        answer(kata),
        float(xs[3][1]),
        rtol=1e-3,
        mistakes={
            "that is Gauss-Seidel: within a Jacobi step x2 must use the OLD x1":
                float(gs[3][1]),
            "that is x1 after three steps; the question asks for x2": float(xs[3][0]),
            "that is x2 after two steps; one more step is needed": float(xs[2][1]),
            "that is x2 after four steps; one step too many": float(xs[4][1]),
        },
    )
