"""Hidden checks for ch10/discounted_return.

Oracle: the geometric series in exact rationals, sum over t >= 0 of (19/20)**t = 1 / (1 - 19/20).
"""

from fractions import Fraction

from pytest_numkata.checking import answer, expect_answer_close, is_close

GAMMA = Fraction(95, 100)


def _is_a_partial_sum(got):
    """True when `got` is the return of the first n rewards for some n < 2000."""
    total, term = 0.0, 1.0
    for _ in range(2000):
        total += term
        term *= 0.95
        if is_close(got, total, rtol=1e-12):
            return True
    return False


def matches_the_infinite_discounted_return(kata):
    exact = 1 / (1 - GAMMA)
    expect_answer_close(
        answer(kata),
        float(exact),
        rtol=1e-9,
        mistakes={
            "that is gamma / (1 - gamma): the sum starts at t = 0, and the first reward is not "
            "discounted (gamma**0 = 1)": float(GAMMA / (1 - GAMMA)),
            "that is 1 / (1 + gamma), the sum of the alternating series 1 - gamma + gamma**2 - ...":
                float(1 / (1 + GAMMA)),
            "that is 1 / gamma: the geometric sum is 1 / (1 - gamma)": float(1 / GAMMA),
            "that is a partial sum of finitely many steps: the return runs forever, and its limit "
            "is the closed form of the geometric series":
                _is_a_partial_sum,
        },
    )
