"""Hidden checks for ch00/machine_epsilon.

Oracle: NumPy steps from FP32 1.0 to the next FP32 number and measures the gap.
"""

import numpy as np

from pytest_numkata.checking import answer, expect_answer_close


def _gap_above_one(dtype):
    one = dtype(1.0)
    return float(np.nextafter(one, dtype(2.0))) - 1.0


def matches_the_gap_above_one_in_fp32(kata):
    expected = _gap_above_one(np.float32)
    expect_answer_close(
        answer(kata),
        expected,
        rtol=1e-6,
        mistakes={
            "that is half the gap (the unit roundoff, 2**-24): 1.0 + eps changes once eps passes "
            "half the gap, but the kata asks for the gap itself": expected / 2,
            "that is 2**-22: the implicit leading 1 is not one of the 23 stored fraction bits, so "
            "the last fraction bit is worth 2**-23": expected * 2,
            "that is FP64's epsilon (52 fraction bits), not FP32's": _gap_above_one(np.float64),
            "that is FP16's epsilon (10 fraction bits), not FP32's": _gap_above_one(np.float16),
            "that is 10**-7, a rough decimal estimate: give the exact power of two": 1e-7,
        },
    )
