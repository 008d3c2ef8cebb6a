"""ch10/alternating_harmonic - solved."""

import math

# ln(1 + x) = x - x**2/2 + x**3/3 - ... for -1 < x <= 1; at x = 1 the series converges
# (alternating series test) and Abel's theorem says it converges to ln(2).
ANSWER = math.log(2)
