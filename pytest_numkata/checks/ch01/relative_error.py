"""Hidden checks for ch01/relative_error.

Oracle: Python evaluates (1 + 1e-15) - 1 in FP64; fractions.Fraction measures its error against
the exact decimal 1e-15 without any further rounding.
"""

from fractions import Fraction

from pytest_numkata.checking import answer, expect_answer_close


def matches_the_fp64_relative_error(kata):
    computed = (1.0 + 1e-15) - 1.0
    true = Fraction(1, 10**15)
    error = abs(Fraction(computed) - true)
    expected = float(error / true)
    expect_answer_close(
        answer(kata),
        expected,
        rtol=1e-3,
        mistakes={
            "that is a percentage: give the relative error as a fraction (divide by 100)":
                100 * expected,
            "that divides by the computed value; relative error divides by the true value":
                float(error / Fraction(computed)),
            "that is the absolute error |computed - true|; divide it by |true|": float(error),
            "that is computed / true; subtract 1 to get the relative error":
                float(Fraction(computed) / true),
            "that is 2**-3 = 0.125, a rough estimate: 1 + 1e-15 rounds to 1 + 5 * 2**-52, so "
            "the result is 5 * 2**-52 - compare that with 1e-15": lambda got: abs(got - 0.125) < 2e-3,
        },
    )
