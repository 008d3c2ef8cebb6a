"""ch09/apply_the_fix - solved."""

import math

z = [89.3, 91.7, 88.1]
m = max(z)
e = [math.exp(v - m) for v in z]  # [exp(-2.4), 1, exp(-3.6)], all in (0, 1]
ANSWER = e[0] / sum(e)  # about 0.0811
