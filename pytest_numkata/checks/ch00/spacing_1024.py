"""Hidden checks for ch00/spacing_1024.

Oracle: NumPy's nextafter on FP32 values.
"""

import numpy as np

from pytest_numkata.checking import answer, expect_answer_close


def _gap_above(x, dtype):
    x = dtype(x)
    return float(np.nextafter(x, dtype(np.inf))) - float(x)


def _gap_below(x, dtype):
    x = dtype(x)
    return float(x) - float(np.nextafter(x, dtype(-np.inf)))


def matches_the_gap_above_1024_in_fp32(kata):
    expected = _gap_above(1024.0, np.float32)
    expect_answer_close(
        answer(kata),
        expected,
        rtol=1e-6,
        mistakes={
            "that is the gap just below 1024 (numbers in [512, 1024) use exponent 9), which is "
            "also half the gap above 1024 (the largest rounding error there): the kata asks "
            "for the whole step from 1024 up to the next FP32 number": _gap_below(1024.0, np.float32),
            "that is the gap near 1.0: the step grows with the exponent, and 1024 = 2**10":
                _gap_above(1.0, np.float32),
            "that is the gap above 1024 in FP64 (52 fraction bits), not FP32":
                _gap_above(1024.0, np.float64),
        },
    )
