"""Hidden checks for ch00/fp16_65536.

Oracle: NumPy's float16 (IEEE binary16, round to nearest even).
"""

import warnings

import numpy as np

from pytest_numkata.checking import answer_entries, expect_answer_same_float


def _as_fp16(value):
    with warnings.catch_warnings(), np.errstate(over="ignore"):
        warnings.simplefilter("ignore")
        return float(np.float16(value))


def _entries(kata):
    return answer_entries(kata, 2, "(largest finite FP16, what 65536 becomes)")


def largest_finite_fp16_is_right(kata):
    largest, _ = _entries(kata)
    expected = float(np.finfo(np.float16).max)
    expect_answer_same_float(
        largest,
        expected,
        entry=0,
        label="(the largest finite FP16)",
        mistakes={
            "that is 2**16: the exponent field 31 is reserved, so the largest exponent is 15 and "
            "the significand stays below 2": float(2**16),
            "that is 2**15 with significand 1: set every fraction bit": float(2**15),
            "that is 2**16 - 1, an integer-format limit; FP16 has only 11 significant bits":
                float(2**16 - 1),
            "that is the largest FP32 value, not FP16": float(np.finfo(np.float32).max),
        },
    )


def value_of_65536_in_fp16_is_right(kata):
    _, stored = _entries(kata)
    expected = _as_fp16(65536.0)
    expect_answer_same_float(
        stored,
        expected,
        entry=1,
        label="(what 65536 becomes)",
        mistakes={
            "65536 = 2**16 needs exponent 16, but FP16's largest exponent is 15: it is not "
            "representable": 65536.0,
            "FP16 rounding does not clamp to the largest finite value: a number past the halfway "
            "point above it overflows": float(np.finfo(np.float16).max),
            "overflow gives infinity, not NaN": lambda got: got != got,
            "65536 is positive, and overflow keeps the sign": float("-inf"),
        },
    )

