"""ch00/fp32_max - solved."""

# Exponent field 254 is the largest that is not reserved: 2**(254 - 127) = 2**127.
# All 23 fraction bits set: significand 1 + (2**23 - 1) / 2**23 = 2 - 2**-23.
ANSWER = (2 - 2**-23) * 2**127
