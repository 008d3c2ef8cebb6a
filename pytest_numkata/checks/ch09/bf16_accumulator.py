"""Hidden checks for ch09/bf16_accumulator.

Oracle: the accumulation simulated bit-exactly with ml_dtypes.bfloat16 arithmetic (bf16 + bf16
is computed exactly and rounded once to nearest, ties to even), cross-checked with an exact
rational round-to-nearest-even on BF16's 8-bit significand.
"""

import functools
import math
from fractions import Fraction

import ml_dtypes
import numpy as np

from pytest_numkata.checking import answer_entries, expect_answer_close, expect_answer_equal, fail

BF16 = ml_dtypes.bfloat16
INCREMENT = 0.001


@functools.cache  # the same for every answer graded in this process
def _simulate():
    inc = BF16(INCREMENT)
    s = BF16(0.0)
    n = 0
    while True:
        nxt = s + inc  # ml_dtypes: exact sum, rounded to BF16
        assert nxt.dtype == np.dtype(BF16)
        if nxt == s:
            return float(s), n
        s, n = nxt, n + 1


def _round_bf16(x: Fraction) -> Fraction:
    """Round a positive rational to the nearest value with an 8-bit significand, ties to even."""
    e = math.floor(math.log2(x))
    while Fraction(2) ** e > x:
        e -= 1
    while Fraction(2) ** (e + 1) <= x:
        e += 1
    ulp = Fraction(2) ** (e - 7)
    q, r = divmod(x, ulp)
    if r > ulp / 2 or (r == ulp / 2 and q % 2 == 1):
        q += 1
    return q * ulp


@functools.cache  # the same for every answer graded in this process
def _simulate_exactly():
    inc = _round_bf16(Fraction(INCREMENT))
    s, n = Fraction(0), 0
    while True:
        nxt = _round_bf16(s + inc)
        if nxt == s:
            return s, n
        s, n = nxt, n + 1


def _pair(kata):
    return answer_entries(kata, 2, "(S, N)", numbers_only=False)


def matches_the_stall_value(kata):
    stall, count = _simulate()
    exact_stall, exact_count = _simulate_exactly()
    assert (Fraction(stall), count) == (exact_stall, exact_count)
    s, _ = _pair(kata)
    expect_answer_close(
        s,
        stall,
        rtol=1e-9,
        entry=0, label="(S, where the sum stops growing)",
        mistakes={
            "that is the V * 2**-7 >= 0.001 rule of thumb: the gap is a power of two, and "
            "round-to-nearest keeps an increment until it is below half the gap":
                lambda g: abs(float(g) - 0.128) < 0.01,
            "that compares the increment with the whole gap: rounding to nearest only loses an "
            "increment smaller than half the gap, so the sum keeps growing past this point":
                stall / 2,
            "that is the true total of 10,000 additions; BF16 stalls long before":
                lambda g: abs(float(g) - 10.0) < 0.1,
        },
    )


def matches_the_number_of_additions(kata):
    stall, count = _simulate()
    _, n = _pair(kata)
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) and not (
            isinstance(n, float) and n.is_integer()):
        fail(f"ANSWER[1] should be an integer count of additions, but it is {n!r}")
    expect_answer_equal(
        int(n),
        count,
        entry=1, label="(N, the additions that changed the sum)",
        mistakes={
            "N counts only the additions that changed the sum: the first one that leaves it "
            "unchanged is not included": count + 1,
            "that is S / 0.001: between 0.25 and 0.5 every addition is rounded up to a "
            "whole gap of 2**-9 (about 0.00195), so the sum gets there in fewer steps":
                round(stall / INCREMENT),
            "that is the 128-additions rule of thumb; simulate the rounding instead":
                lambda g: abs(g - 128) <= 1,
        },
    )
