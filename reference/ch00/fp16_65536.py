"""ch00/fp16_65536 - solved."""

import math

# Largest finite: exponent field 30 (2**15) with all 10 fraction bits set,
# (2 - 2**-10) * 2**15 = 65504. 65536 = 2**16 would need exponent 16, which does not exist,
# and it lies past the halfway point 65520 between 65504 and 2**16, so it rounds to +inf.
ANSWER = ((2 - 2**-10) * 2**15, math.inf)
