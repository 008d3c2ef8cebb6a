"""ch00/fp16_65536 - what 65536 becomes in FP16 (Trace).

FP16 packs 1 sign bit, 5 exponent bits (bias 15) and 10 fraction bits. As in FP32, the all-ones
exponent field (31) is reserved for infinity and NaN, so the largest usable exponent is
30 - 15 = 15. Storing a number rounds it to the nearest FP16 value (ties to even); a number
too large to round to any finite FP16 value becomes infinity.

Trace what happens when the integer 65536 = 2**16 is stored as FP16 - for example when an
activation or a gradient of that size is cast down with `numpy.float16(65536.0)`.

Your answer: set ANSWER to a tuple (or list) of two numbers,

    (largest finite FP16 value, the value 65536 becomes when stored as FP16)

Write infinity as `float("inf")` or `math.inf` (with a sign), and NaN as `float("nan")`.
Both entries are graded exactly.

Stuck? `numkata hint ch00/fp16_65536` shows one hint at a time.
"""

import math  # noqa: F401 - for math.inf, if you want it

ANSWER = ...
