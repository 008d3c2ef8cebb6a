"""Known-buggy decode solutions. Each must be rejected; `expect` is the named mistake."""

import math

_FORMATS = {"fp32": (8, 23), "fp16": (5, 10), "bf16": (8, 7)}


def _decode(bits, fmt, *, bias_shift=0, implicit_one_in_subnormals=False, subnormal_exp=1,
            reserved_is_normal=False, check_range=True, zero_is_positive=False):
    if fmt not in _FORMATS:
        raise ValueError(fmt)
    e_bits, f_bits = _FORMATS[fmt]
    width = 1 + e_bits + f_bits
    if check_range and not 0 <= bits < 1 << width:
        raise ValueError(bits)
    bits &= (1 << width) - 1
    sign = -1.0 if bits >> (width - 1) else 1.0
    e = (bits >> f_bits) & ((1 << e_bits) - 1)
    f = bits & ((1 << f_bits) - 1)
    bias = (1 << (e_bits - 1)) - 1 + bias_shift
    if e == (1 << e_bits) - 1 and not reserved_is_normal:
        return sign * math.inf if f == 0 else math.nan
    if e == 0 and f == 0 and zero_is_positive:
        return 0.0
    if e == 0 and not implicit_one_in_subnormals:
        return sign * math.ldexp(f, subnormal_exp - bias - f_bits)
    return sign * math.ldexp((1 << f_bits) + f, e - bias - f_bits)


def implicit_one_in_subnormals(bits, fmt):
    return _decode(bits, fmt, implicit_one_in_subnormals=True)


implicit_one_in_subnormals.expect = "no implicit leading 1"


def subnormal_exponent_minus_bias(bits, fmt):
    return _decode(bits, fmt, subnormal_exp=0)


subnormal_exponent_minus_bias.expect = "subnormals use exponent 1 - bias"


def bias_is_a_power_of_two(bits, fmt):
    return _decode(bits, fmt, bias_shift=1)  # 128 and 16 instead of 127 and 15


bias_is_a_power_of_two.expect = "exponent bias is off"


def all_ones_exponent_read_as_normal(bits, fmt):
    return _decode(bits, fmt, reserved_is_normal=True)


all_ones_exponent_read_as_normal.expect = "reserved for infinity and NaN"


def masks_instead_of_raising(bits, fmt):
    return _decode(bits, fmt, check_range=False)


masks_instead_of_raising.expect = "expected  ValueError to be raised"


def zero_is_always_positive(bits, fmt):
    return _decode(bits, fmt, zero_is_positive=True)


zero_is_always_positive.expect = "sign of zero was lost"


def nan_for_every_all_ones_exponent(bits, fmt):
    e_bits, f_bits = _FORMATS.get(fmt, (8, 23))
    if ((bits >> f_bits) & ((1 << e_bits) - 1)) == (1 << e_bits) - 1 and bits < 1 << (1 + e_bits + f_bits):
        return math.nan
    return _decode(bits, fmt)


nan_for_every_all_ones_exponent.expect = "fraction 0 is infinity, not NaN"


def unknown_format_read_as_fp32(bits, fmt):
    return _decode(bits, fmt if fmt in _FORMATS else "fp32")


unknown_format_read_as_fp32.expect = "ValueError"


def negative_bits_accepted(bits, fmt):
    # checks only the upper end: a negative pattern is masked to the format's width
    return _decode(bits, fmt, check_range=bits >= 0)


negative_bits_accepted.expect = "ValueError"


def whole_values_as_ints(bits, fmt):
    value = _decode(bits, fmt)
    return int(value) if math.isfinite(value) and value == int(value) and value != 0 else value


whole_values_as_ints.expect = "as a float"
