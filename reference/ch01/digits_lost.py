"""ch01/digits_lost - solved."""

import math

# a - b = 0.000001 exactly, so |a| / |a - b| = 1.234567 / 1e-6 = 1234567.
ANSWER = math.log10(1234567)
