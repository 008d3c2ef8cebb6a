"""ch00/decode_float - decode a bit pattern into its value (Build).

A float format is a recipe for reading bits. With E exponent bits, F fraction bits and
bias = 2**(E - 1) - 1, a bit pattern splits into sign s (the top bit), exponent field e (the
next E bits) and fraction field f (the low F bits), and means:

    e == 0, f == 0           signed zero: +0.0 or -0.0 depending on s
    e == 0, f != 0           subnormal: (-1)**s * 2**(1 - bias) * (f / 2**F)   (no implicit 1)
    0 < e < 2**E - 1         normal:    (-1)**s * 2**(e - bias) * (1 + f / 2**F)
    e == 2**E - 1, f == 0    +inf or -inf
    e == 2**E - 1, f != 0    NaN

The three formats of this chapter:

    "fp32"   E = 8, F = 23   (32 bits)
    "fp16"   E = 5, F = 10   (16 bits)
    "bf16"   E = 8, F = 7    (16 bits)

Contract
--------
decode(bits: int, fmt: str) -> float
    `bits` is a Python int holding the pattern, `fmt` is one of "fp32", "fp16", "bf16".
    Returns the value the pattern stands for as a float, exactly (every value of these formats
    is exactly a Python float): signed zeros keep their sign, infinities keep theirs, and any
    NaN pattern returns a NaN (its sign and payload do not matter).
    Raises ValueError for any other `fmt` (for example "fp64") and for `bits` outside
    0 <= bits < 2**width, where width is the format's total number of bits.

For example decode(0x3C00, "fp16") == 1.0 and decode(0xC000, "bf16") == -2.0.

Stuck? `numkata hint ch00/decode_float` shows one hint at a time.
"""


def decode(bits, fmt):
    raise NotImplementedError
