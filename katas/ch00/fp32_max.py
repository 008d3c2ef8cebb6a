"""ch00/fp32_max - the largest finite FP32 value (Derive).

An FP32 number packs 1 sign bit, 8 exponent bits (bias 127) and 23 fraction bits. A normal
number's value is (-1)**sign * 2**(exponent - 127) * (1 + fraction / 2**23). The exponent field
255 (all ones) is reserved for infinity and NaN.

What is the largest finite value an FP32 number can hold?

Your answer: set ANSWER to that value as a Python number. An exact expression such as
`2 ** 10 * 3` is welcome. It is graded within 1e-8 relative of the true value, so a decimal
answer needs at least 9 significant digits (the nearest power of two is only 6e-8 away).

Stuck? `numkata hint ch00/fp32_max` shows one hint at a time.
"""

ANSWER = ...
