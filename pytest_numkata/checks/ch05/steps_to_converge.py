"""Hidden checks for ch05/steps_to_converge.

Oracle: gradient descent on x**2 run step by step in exact fractions until abs(x) < 0.01.
"""

import math
from fractions import Fraction

from pytest_numkata.checking import answer, expect_answer_close

LR = Fraction(1, 10)
TARGET = Fraction(1, 100)


def _steps(x0=Fraction(10)):
    x, k = x0, 0
    while abs(x) >= TARGET:
        x = x - LR * 2 * x
        k += 1
    return k


def counts_the_steps(kata):
    k = _steps()
    bound = math.log(0.001) / math.log(0.8)
    expect_answer_close(
        answer(kata),
        k,
        rtol=0.0,
        atol=0.0,
        mistakes={
            "that is the real-valued bound log(0.001)/log(0.8): a step count is a whole number, "
            "round it up": lambda got: got != round(got) and abs(got - bound) < 0.5,
            "one step too few: abs(x) is still above 0.01 after that many steps": k - 1,
            "one step too many: abs(x) already dropped below 0.01 one step earlier": k + 1,
        },
    )
