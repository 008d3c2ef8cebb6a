"""Other correct decode solutions, written from the docstring alone."""

import math
import struct

_FORMATS = {"fp32": (8, 23), "fp16": (5, 10), "bf16": (8, 7)}


def bit_fields_pure_python(bits, fmt):
    if fmt not in _FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    E, F = _FORMATS[fmt]
    width = 1 + E + F
    if not 0 <= bits < 2 ** width:
        raise ValueError(f"bits out of range for {fmt}")
    s = bits >> (E + F)
    e = (bits >> F) & ((1 << E) - 1)
    f = bits & ((1 << F) - 1)
    bias = 2 ** (E - 1) - 1
    sign = -1.0 if s else 1.0
    if e == 0:
        return sign * math.ldexp(f, 1 - bias - F)
    if e == 2 ** E - 1:
        return sign * math.inf if f == 0 else math.nan
    return sign * math.ldexp((1 << F) + f, e - bias - F)


def struct_unpack(bits, fmt):
    """Let the hardware decode: fp32 and fp16 via struct, bf16 as the top half of an fp32."""
    widths = {"fp32": 32, "fp16": 16, "bf16": 16}
    if fmt not in widths:
        raise ValueError(fmt)
    if bits < 0 or bits >= 1 << widths[fmt]:
        raise ValueError(bits)
    if fmt == "fp32":
        return struct.unpack("<f", struct.pack("<I", bits))[0]
    if fmt == "fp16":
        return struct.unpack("<e", struct.pack("<H", bits))[0]
    return struct.unpack("<f", struct.pack("<I", bits << 16))[0]


def numpy_view(bits, fmt):
    import numpy as np

    if fmt == "fp32":
        uint, flt = np.uint32, np.float32
    elif fmt == "fp16":
        uint, flt = np.uint16, np.float16
    elif fmt == "bf16":
        uint, flt = np.uint32, np.float32
    else:
        raise ValueError(f"unsupported format {fmt}")
    width = 32 if fmt == "fp32" else 16
    if not (0 <= bits <= 2 ** width - 1):
        raise ValueError("bits out of range")
    if fmt == "bf16":
        bits = bits << 16
    return float(np.array([bits], dtype=uint).view(flt)[0])


def fraction_exact(bits, fmt):
    """Exact rational arithmetic, converted to float at the end."""
    from fractions import Fraction

    try:
        E, F = {"fp32": (8, 23), "fp16": (5, 10), "bf16": (8, 7)}[fmt]
    except KeyError:
        raise ValueError("fmt must be fp32, fp16 or bf16") from None
    if bits not in range(2 ** (1 + E + F)):
        raise ValueError("bits outside the format")
    s, e, f = bits >> (E + F), (bits >> F) % 2 ** E, bits % 2 ** F
    bias = 2 ** (E - 1) - 1
    if e == 2 ** E - 1:
        return float("nan") if f else (-math.inf if s else math.inf)
    if e == 0:
        mag = Fraction(2) ** (1 - bias) * Fraction(f, 2 ** F)
    else:
        mag = Fraction(2) ** (e - bias) * (1 + Fraction(f, 2 ** F))
    return math.copysign(float(mag), -1.0 if s else 1.0)


def docstring_formula_literal(bits, fmt):
    """The docstring's table, typed in as written with ** and /."""
    if fmt == "fp32":
        E, F = 8, 23
    elif fmt == "fp16":
        E, F = 5, 10
    elif fmt == "bf16":
        E, F = 8, 7
    else:
        raise ValueError("unknown format: " + str(fmt))
    width = 1 + E + F
    if bits < 0 or bits >= 2 ** width:
        raise ValueError("bits out of range")
    bias = 2 ** (E - 1) - 1
    s = bits // 2 ** (E + F)
    e = (bits // 2 ** F) % 2 ** E
    f = bits % 2 ** F
    if e == 0 and f == 0:
        return -0.0 if s else 0.0
    if e == 0:
        return (-1) ** s * 2.0 ** (1 - bias) * (f / 2 ** F)
    if e < 2 ** E - 1:
        return (-1) ** s * 2.0 ** (e - bias) * (1 + f / 2 ** F)
    if f == 0:
        return float("-inf") if s else float("inf")
    return float("nan")
