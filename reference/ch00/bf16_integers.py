"""ch00/bf16_integers - solved."""

# 7 stored fraction bits plus the implicit leading 1 make an 8-bit significand, so every
# integer up to 2**8 = 256 fits (256 itself is 1 * 2**8). Between 256 and 512 the step is 2,
# so 257 is the first integer that is lost.
ANSWER = 2**8
