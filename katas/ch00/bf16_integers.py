"""ch00/bf16_integers - integers that BF16 holds exactly (Derive).

BF16 ("brain float") keeps FP32's 1 sign bit and 8 exponent bits but only 7 fraction bits:
it is the top half of an FP32 number. Its range matches FP32's; its precision does not.

Small integers are exact in any float format, until the significand runs out of bits: from some
point on, consecutive integers start to fall between neighbouring BF16 numbers and get rounded.

What is the largest integer N such that every integer 0, 1, 2, ..., N is exactly representable in
BF16?

Your answer: set ANSWER to N as a Python integer (a whole-valued float counts too). It is graded
exactly.

Stuck? `numkata hint ch00/bf16_integers` shows one hint at a time.
"""

ANSWER = ...
