"""Hidden checks for ch00/bf16_integers.

Oracle: ml_dtypes.bfloat16 round-trips every integer upward from 0 until one comes back changed.
"""

import ml_dtypes
import numpy as np

from pytest_numkata.checking import answer, expect_answer_close


def _last_exact_integer(dtype):
    n = 0
    while float(dtype(n + 1)) == n + 1:
        n += 1
    return n


def matches_the_last_integer_bf16_keeps(kata):
    expected = _last_exact_integer(ml_dtypes.bfloat16)
    expect_answer_close(
        answer(kata),
        expected,
        rtol=0,
        atol=0,
        mistakes={
            "that is 2**8 - 1: the significand has 8 bits counting the implicit 1, and 2**8 "
            "itself is exact (it is 1 * 2**8); the first integer lost comes after it":
                expected - 1,
            "that is the first integer BF16 cannot hold; the question asks for the last N with "
            "every integer up to N exact": expected + 1,
            "that is 2**7: count the implicit leading 1 as well as the 7 stored fraction bits":
                expected // 2,
            "that is 2**7 - 1: count the implicit leading 1, and 2**k itself is exact":
                expected // 2 - 1,
            "that is the FP16 limit (11-bit significand), not BF16's":
                _last_exact_integer(np.float16),
            "that is the FP32 limit (24-bit significand), not BF16's": float(2**24),
        },
    )
