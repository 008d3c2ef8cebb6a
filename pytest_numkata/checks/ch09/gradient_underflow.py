"""Hidden checks for ch09/gradient_underflow.

Oracle: softmax at 40 digits with mpmath, minus the one-hot target.
"""

import numpy as np

from pytest_numkata.checking import answer, expect_answer_close

from ._capstone import TARGET, roughly, softmax


def matches_the_gradient_of_the_last_logit(kata):
    p = softmax()
    y = [1.0 if i == TARGET else 0.0 for i in range(len(p))]
    grad = [pi - yi for pi, yi in zip(p, y)]
    expected = grad[2]
    assert expected > float(np.finfo(np.float16).smallest_normal)  # the kata's remark holds
    expect_answer_close(
        answer(kata),
        expected,
        rtol=1e-6,
        label="(dL/dz_2)",
        mistakes={
            "the target is class 1, so y = [0, 1, 0] and y[2] = 0: the gradient is p[2] - 0":
                p[2] - 1.0,
            "that is the gradient for z_1, the target's logit; the question asks for z_2":
                grad[1],
            "that is the gradient for z_0; z_2 is the last logit": grad[0],
            "the sign is flipped: the gradient is softmax(z)[i] - y[i]": -expected,
            "close, but rounded: the answer is graded within 1e-6 relative - keep 7 significant "
            "digits or write an expression": roughly(expected),
        },
    )
