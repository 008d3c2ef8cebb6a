"""Hidden checks for ch09/loss_scale.

Oracle: search the powers of two for the first S with S * 3.2e-6 > 6.1e-5, and confirm that
FP16's true smallest normal (numpy.finfo(np.float16).smallest_normal = 2**-14) gives the same S.
"""

from fractions import Fraction

import numpy as np

from pytest_numkata.checking import answer, expect_answer_equal

GRAD = Fraction("3.2e-6")
THRESHOLD = Fraction("6.1e-5")


def _smallest_scale(threshold):
    k = 0
    while 2**k * GRAD <= threshold:
        k += 1
    return 2**k


def matches_the_smallest_power_of_two(kata):
    expected = _smallest_scale(THRESHOLD)
    smallest_normal = Fraction(float(np.finfo(np.float16).smallest_normal))
    assert smallest_normal == Fraction(1, 2**14)
    assert _smallest_scale(smallest_normal) == expected  # the kata's remark holds
    got = answer(kata)
    ratio = float(THRESHOLD / GRAD)
    expect_answer_equal(
        got,
        expected,
        label="(S)",
        mistakes={
            "S must be a power of two (so scaling changes no bits): round the ratio "
            "6.1e-5 / 3.2e-6 up to the next power of two":
                lambda g: abs(float(g) - ratio) < 1.0,
            f"too small: {expected // 2} * 3.2e-6 = {float(expected // 2 * GRAD):.3g} is still "
            f"below 6.1e-5":
                lambda g: float(g) == expected // 2,
            "that works but is not the smallest power of two (1024 and 65536 are common defaults, "
            "not the minimum)": lambda g: float(g) > expected and float(g) in
            [2.0**k for k in range(64)],
        },
    )
