"""Hidden checks for ch00/fp32_max."""

import numpy as np

from pytest_numkata.checking import answer, expect_answer_close


def matches_the_largest_fp32(kata):
    expected = float(np.finfo(np.float32).max)
    expect_answer_close(
        answer(kata),
        expected,
        rtol=1e-8,
        mistakes={
            "2**128 is the first power of two past the largest value: the exponent field 255 is "
            "reserved, and the significand stays below 2": float(2.0**128),
            "that is 2**127 with significand 1: set every fraction bit": float(2.0**127),
            "that is the largest FP16 value, not FP32": float(np.finfo(np.float16).max),
        },
    )
