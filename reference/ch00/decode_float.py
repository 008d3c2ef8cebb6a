"""ch00/decode_float - solved."""

import math

# exponent bits, fraction bits
FORMATS = {"fp32": (8, 23), "fp16": (5, 10), "bf16": (8, 7)}


def decode(bits, fmt):
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {sorted(FORMATS)}")
    exp_bits, frac_bits = FORMATS[fmt]
    width = 1 + exp_bits + frac_bits
    if not 0 <= bits < 1 << width:
        raise ValueError(f"bits {bits} do not fit in {width} bits")
    sign = -1.0 if bits >> (width - 1) else 1.0
    e = (bits >> frac_bits) & ((1 << exp_bits) - 1)
    f = bits & ((1 << frac_bits) - 1)
    bias = (1 << (exp_bits - 1)) - 1
    if e == (1 << exp_bits) - 1:
        return sign * math.inf if f == 0 else math.nan
    if e == 0:
        # subnormal (or zero): no implicit leading 1, exponent pinned at 1 - bias
        return sign * math.ldexp(f, 1 - bias - frac_bits)
    return sign * math.ldexp((1 << frac_bits) + f, e - bias - frac_bits)
