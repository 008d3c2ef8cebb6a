"""ch09/bf16_accumulator - solved."""

import ml_dtypes

bf16 = ml_dtypes.bfloat16
inc = bf16(0.001)
s = bf16(0.0)
n = 0
while True:
    nxt = bf16(float(s) + float(inc))  # exact sum in float64, one rounding to BF16
    if nxt == s:
        break
    s, n = nxt, n + 1

ANSWER = (float(s), n)  # (0.5, 383): past 0.5 half the gap (2**-9) exceeds 0.001
