"""Hidden checks for ch09/apply_the_fix.

Oracle: softmax at 40 digits with mpmath (see _capstone.py).
"""

import math

from pytest_numkata.checking import answer, expect_answer_close

from ._capstone import LOGITS, roughly, shifted_exp, softmax


def matches_the_first_probability(kata):
    p = softmax()
    e = shifted_exp()
    expect_answer_close(
        answer(kata),
        p[0],
        rtol=1e-6,
        label="(softmax(z)[0])",
        mistakes={
            "the naive formula overflowed (exp(91.7) is inf in FP16 and FP32, and inf/inf is nan): "
            "subtract max(z) first": lambda got: math.isnan(float(got)),
            "that is softmax(z)[1], the largest class; index 0 is the first logit, 89.3": p[1],
            "that is softmax(z)[2]; index 0 is the first logit, 89.3": p[2],
            "that is exp(89.3 - 91.7) before normalising: divide by the sum of the shifted "
            "exponentials": e[0],
            f"that is 1/{len(LOGITS)}: the logits differ, so the classes are not equally likely":
                1 / len(LOGITS),
            "close, but rounded: the answer is graded within 1e-6 relative - keep 7 significant "
            "digits or write an expression": roughly(p[0]),
        },
    )
