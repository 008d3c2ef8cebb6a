"""Hidden checks for ch00/decode_float.

Oracle: NumPy and ml_dtypes reinterpret the same bits as float32, float16 and bfloat16 (a
bit-exact view, no arithmetic of ours). FP16 and BF16 are swept exhaustively; FP32 is swept
across every exponent and sampled with hypothesis.
"""

import math

import ml_dtypes
import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from pytest_numkata.checking import (call, call_many, expect, expect_raises, expect_same_float,
                                     same_float)

# name: (exponent bits, fraction bits, unsigned view dtype, float view dtype)
FORMATS = {
    "fp32": (8, 23, np.uint32, np.float32),
    "fp16": (5, 10, np.uint16, np.float16),
    "bf16": (8, 7, np.uint16, ml_dtypes.bfloat16),
}


def _width(fmt):
    e, f, _, _ = FORMATS[fmt]
    return 1 + e + f


def _oracle(bits, fmt):
    _, _, uint, flt = FORMATS[fmt]
    with np.errstate(invalid="ignore"):  # casting a NaN pattern to float64 is fine
        return float(np.array([bits], dtype=uint).view(flt).astype(np.float64)[0])


def _oracle_all(fmt):
    _, _, uint, flt = FORMATS[fmt]
    patterns = np.arange(1 << _width(fmt), dtype=np.int64).astype(uint)
    with np.errstate(invalid="ignore"):
        return patterns.view(flt).astype(np.float64).tolist()


def _fields(bits, fmt):
    e_bits, f_bits, _, _ = FORMATS[fmt]
    width = 1 + e_bits + f_bits
    return (bits >> (width - 1), (bits >> f_bits) & ((1 << e_bits) - 1), bits & ((1 << f_bits) - 1),
            e_bits, f_bits)


def _model(bits, fmt, *, bias_shift=0, implicit_one_in_subnormals=False,
           subnormal_exponent_off=False, reserved_is_normal=False, ignore_sign=False):
    """The value a decoder with one specific mistake returns (exact, via ldexp)."""
    s, e, f, e_bits, f_bits = _fields(bits, fmt)
    bias = (1 << (e_bits - 1)) - 1 + bias_shift
    sign = 1.0 if (ignore_sign or not s) else -1.0
    if e == (1 << e_bits) - 1 and not reserved_is_normal:
        return sign * math.inf if f == 0 else math.nan
    if e == 0 and not implicit_one_in_subnormals:
        return sign * math.ldexp(f, (0 if subnormal_exponent_off else 1) - bias - f_bits)
    try:
        return sign * math.ldexp((1 << f_bits) + f, e - bias - f_bits)
    except OverflowError:
        return sign * math.inf


def _mistakes(bits, fmt, expected):
    s, e, f, e_bits, _ = _fields(bits, fmt)
    bias = (1 << (e_bits - 1)) - 1
    found = {}
    if e == 0 and f == 0 and s:
        found["the sign of zero was lost: the pattern with only the sign bit set is -0.0, not 0.0"] = (
            lambda got: same_float(got, 0.0))
    if e == (1 << e_bits) - 1:
        if f:
            found["an all-ones exponent with a nonzero fraction is NaN; only fraction 0 means "
                  "infinity"] = lambda got: got is not None and math.isinf(float(got))
        else:
            found["an all-ones exponent with fraction 0 is infinity, not NaN"] = (
                lambda got: got is not None and math.isnan(float(got)))
        found["the all-ones exponent field is reserved for infinity and NaN, not read as a "
              "normal number"] = _model(bits, fmt, reserved_is_normal=True)
    if e == 0 and f:
        found["subnormals (exponent field 0) have no implicit leading 1"] = _model(
            bits, fmt, implicit_one_in_subnormals=True)
        found[f"subnormals use exponent 1 - bias = {1 - bias}, the same as the smallest normal, "
              f"not 0 - bias = {-bias}"] = _model(bits, fmt, subnormal_exponent_off=True)
    found[f"the exponent bias is off: {fmt} uses bias 2**(E - 1) - 1 = {bias}"] = (
        lambda got: any(same_float(got, _model(bits, fmt, bias_shift=d)) for d in (-1, 1)))
    if s:
        found["the sign bit was ignored: the top bit set means a negative number"] = _model(
            bits, fmt, ignore_sign=True)
    return found


def _check(kata, bits, fmt):
    expected = _oracle(bits, fmt)
    got = call(kata.decode, bits, fmt)
    expect_same_float(got, expected, mistakes=_mistakes(bits, fmt, expected))


def _sweep(kata, fmt, patterns, expected):
    """Fast pass over many patterns; the first mismatch is re-checked with a full message."""
    decode = kata.decode
    try:
        got = call_many(decode, [(bits, fmt) for bits in patterns])
        values = np.array(got, dtype=np.float64)
        want = np.array(expected, dtype=np.float64)
        nan = np.isnan(want)
        ok = np.where(nan, np.isnan(values),
                      (values == want) & (np.signbit(values) == np.signbit(want)))
        ok &= np.array([type(g) is not bool for g in got])
        if ok.all():
            return
        first = int(np.argmin(ok))
    except Exception:  # noqa: BLE001 - the slow pass below reports the problem properly
        first = 0
    for bits, want in zip(patterns[first:], expected[first:]):
        try:
            result = decode(bits, fmt)
            good = not isinstance(result, bool) and same_float(result, want)
        except Exception:  # noqa: BLE001
            good = False
        if not good:
            _check(kata, bits, fmt)
            return


def decodes_the_examples(kata):
    for bits, fmt in [
        (0x3C00, "fp16"), (0xC000, "fp16"), (0x3555, "fp16"), (0x7BFF, "fp16"), (0x0400, "fp16"),
        (0x3F80, "bf16"), (0xC000, "bf16"), (0x4049, "bf16"), (0x7F7F, "bf16"), (0x0080, "bf16"),
        (0x3F800000, "fp32"), (0xC0000000, "fp32"), (0x40490FDB, "fp32"), (0x7F7FFFFF, "fp32"),
        (0x00800000, "fp32"), (0x3DCCCCCD, "fp32"), (0xBEAAAAAB, "fp32"),
    ]:
        _check(kata, bits, fmt)


def keeps_the_sign_of_zero(kata):
    for fmt in FORMATS:
        _check(kata, 0, fmt)
        _check(kata, 1 << (_width(fmt) - 1), fmt)


def decodes_infinities_and_nans(kata):
    for fmt in FORMATS:
        e_bits, f_bits, _, _ = FORMATS[fmt]
        top = 1 << (_width(fmt) - 1)
        inf = ((1 << e_bits) - 1) << f_bits
        for bits in (inf, top | inf, inf | 1, inf | (1 << (f_bits - 1)), top | inf | 1,
                     inf | ((1 << f_bits) - 1)):
            _check(kata, bits, fmt)


def decodes_subnormals(kata):
    for fmt in FORMATS:
        _, f_bits, _, _ = FORMATS[fmt]
        top = 1 << (_width(fmt) - 1)
        for f in (1, 2, 3, 1 << (f_bits - 1), (1 << f_bits) - 1):
            _check(kata, f, fmt)
            _check(kata, top | f, fmt)


def matches_every_fp16_pattern(kata):
    _sweep(kata, "fp16", list(range(1 << 16)), _oracle_all("fp16"))


def matches_every_bf16_pattern(kata):
    _sweep(kata, "bf16", list(range(1 << 16)), _oracle_all("bf16"))


def matches_fp32_across_every_exponent(kata):
    patterns = [
        (s << 31) | (e << 23) | f
        for s in (0, 1)
        for e in range(256)
        for f in (0, 1, 2, 0x2AAAAA, 0x400000, 0x555555, 0x7FFFFE, 0x7FFFFF)
    ]
    _sweep(kata, "fp32", patterns, [_oracle(b, "fp32") for b in patterns])


@given(st.integers(0, 2**32 - 1))
def matches_any_fp32_pattern(kata, bits):
    _check(kata, bits, "fp32")


def returns_a_float(kata):
    # "Returns the value ... as a float": whole values too (1.0, -2.0, 65504.0), not ints
    for bits, fmt in ((0x3C00, "fp16"), (0xC000, "bf16"), (0x7BFF, "fp16"), (0x3F800000, "fp32"),
                      (0x0000, "fp16")):
        got = call(kata.decode, bits, fmt)
        expect(isinstance(got, float | np.floating),
               f"returned {type(got).__name__} {got!r}: the contract asks for the value as a "
               f"float - whole values included (e.g. float(value))")


def rejects_unknown_formats(kata):
    for fmt in ("fp64", "fp8", "int8", ""):
        expect_raises(ValueError, kata.decode, 0x3C00, fmt)


def rejects_bits_out_of_range(kata):
    for fmt in FORMATS:
        width = _width(fmt)
        for bits in (-1, 1 << width, (1 << width) + 0x3C00, -(1 << (width - 1))):
            expect_raises(ValueError, kata.decode, bits, fmt)
