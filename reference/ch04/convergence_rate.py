"""ch04/convergence_rate - solved."""

import math

e1 = 3 / 2 - math.sqrt(2)
e2 = 17 / 12 - math.sqrt(2)
# Exactly: x_new - sqrt(2) = (x - sqrt(2))**2 / (2x), so the ratio is 1 / (2 * x1) = 1/3.
ANSWER = abs(e2) / e1**2
