"""ch00/machine_epsilon - solved."""

# 1.0 is 2**0 with every fraction bit clear. The next FP32 number sets only the last of the
# 23 fraction bits, which is worth 2**-23 at exponent 0.
ANSWER = 2**-23
