"""ch07/second_derivative - solved."""

import math

h = 0.1
ANSWER = (math.exp(1 + h) - 2 * math.exp(1) + math.exp(1 - h)) / h**2  # 2.72054...
