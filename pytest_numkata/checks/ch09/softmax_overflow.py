"""Hidden checks for ch09/softmax_overflow.

Oracles: mpmath's exp at 30 digits for exp(91.7); NumPy's float16 rounding for what FP16 makes
of it; numpy.finfo for the FP16 and FP32 limits.
"""

import math
import warnings

import mpmath
import numpy as np

from pytest_numkata.checking import answer_entries, expect, expect_answer_close, expect_answer_same_float

Z = 91.7


def _exact():
    with mpmath.workdps(30):
        return float(mpmath.exp(mpmath.mpf(Z)))


def _pair(kata):
    return answer_entries(kata, 2, "(exp(91.7), its value in FP16)", numbers_only=False)


def matches_exp_of_the_largest_logit(kata):
    value, _ = _pair(kata)
    exact = _exact()
    fp32_max = float(np.finfo(np.float32).max)
    expect(exact > fp32_max, "internal: exp(91.7) overflows FP32")  # the mistake below is real
    expect_answer_close(
        value,
        exact,
        rtol=1e-6,
        entry=0, label="(exp(91.7))",
        mistakes={
            "exp(91.7) overflows FP32 too (its maximum is about 3.4e38): compute it in float64, "
            "e.g. with math.exp": lambda got: math.isinf(float(got)),
            "that is the FP16 maximum; the question asks for exp(91.7) itself":
                float(np.finfo(np.float16).max),
            "that is exp(91.7) / 65504, the overshoot factor; give exp(91.7) itself":
                exact / float(np.finfo(np.float16).max),
        },
    )


def matches_what_fp16_makes_of_it(kata):
    _, fp16 = _pair(kata)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        expected = float(np.float16(_exact()))
    expect_answer_same_float(
        fp16,
        expected,
        entry=1,
        label="(its value in FP16)",
        mistakes={
            "FP16 does not saturate: a value past 65504 (in fact anything from 65520 up) does not "
            "round down to the largest finite FP16": float(np.finfo(np.float16).max),
            "overflow is not an invalid operation: a value too large for FP16 never becomes nan": lambda got: math.isnan(float(got)),
            "that is the float64 value; rounding it to FP16 gives something else":
                lambda got: float(got) > 1e30 and not math.isinf(float(got)),
        },
    )
