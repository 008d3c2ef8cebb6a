"""Hidden checks for ch01/lse_by_hand.

Oracle: mpmath at 40 significant digits (no overflow, no rounding worth the name).
"""

import mpmath

from pytest_numkata.checking import answer, expect_answer_close

X = (10, 20, 30)


def matches_log_sum_exp_of_10_20_30(kata):
    with mpmath.workdps(40):
        total = mpmath.fsum(mpmath.exp(v) for v in X)
        expected = float(mpmath.log(total))
        m = max(X)
        shifted = mpmath.fsum(mpmath.exp(v - m) for v in X)
        mistakes = {
            "that is max(x) alone: the other terms add log(1 + exp(-10) + exp(-20)), about "
            "4.5e-5, which the tolerance sees": float(m),
            "the max was not added back: that is log(sum(exp(x - m))) without + m":
                float(mpmath.log(shifted)),
            "the log is missing: that is m + sum(exp(x - m))": float(m + shifted),
            "that uses log10; LSE uses the natural log": float(mpmath.log10(total)),
            "that is log(sum(exp(x))) / n or a mean; LSE is a soft maximum, not an average":
                float(mpmath.log(total) / len(X)),
        }
    expect_answer_close(answer(kata), expected, rtol=0, atol=1e-7, mistakes=mistakes)
