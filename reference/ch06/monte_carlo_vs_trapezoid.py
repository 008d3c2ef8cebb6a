"""ch06/monte_carlo_vs_trapezoid - solved."""

import math

# 1 / (12 n**2) < 1e-6  <=>  n**2 > 10**6 / 12 = 83333.3...  <=>  n > 288.67...
ANSWER = math.floor(math.sqrt(10**6 / 12)) + 1  # 289
