"""Hidden checks for ch02/digits_from_kappa.

Oracle: digits lost = log10(κ); FP32 digits = floor(log10(2**24)) = 7;
what is left is clamped at zero.
"""

import math

from pytest_numkata.checking import answer, expect, expect_answer_equal

KAPPA = 1e8


def matches_the_rule_of_thumb(kata):
    value = answer(kata, kinds=(tuple, list))
    expect(len(value) == 2, "ANSWER should be a tuple of two integers (digits_lost, "
                            f"correct_digits_left), but it has {len(value)} entries")
    fp32_digits = math.floor(24 * math.log10(2))
    fp64_digits = math.floor(53 * math.log10(2))
    lost = round(math.log10(KAPPA))
    left = max(0, fp32_digits - lost)
    expect_answer_equal(
        tuple(value),
        (lost, left),
        names=("digits_lost", "correct_digits_left"),
        mistakes={
            "a count of correct digits cannot be negative: when κ costs more digits than FP32 "
            "carries, none are left (clamp at 0)":
                (lost, fp32_digits - lost),
            "that is FP64's budget (about 16 digits); the solve here runs in FP32 (about 7)":
                lambda got: tuple(got) in {(lost, fp64_digits - lost), (lost, fp64_digits + 1 - lost)},
            "digits_lost is log10(κ), which does not depend on how many digits FP32 carries":
                lambda got: tuple(got)[0] != lost,
        },
    )
