"""ch09/gradient_underflow - solved."""

import math

z = [89.3, 91.7, 88.1]
y = [0, 1, 0]
m = max(z)
e = [math.exp(v - m) for v in z]
p = [v / sum(e) for v in e]
ANSWER = p[2] - y[2]  # about 0.0244: far above 2**-14, so no underflow here
