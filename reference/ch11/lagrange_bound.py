"""ch11/lagrange_bound - solved."""

from math import factorial

# f'(x) = 1/(1+x), f''= -1/(1+x)^2, f''' = 2/(1+x)^3, f'''' = -6/(1+x)^4, f^(5) = 24/(1+x)^5.
# |f^(5)| decreases on [0, 0.2], so its maximum is at xi = 0: M = 4! = 24.
M = factorial(4)
ANSWER = M * 0.2**5 / factorial(5)  # = 0.2**5 / 5 = 6.4e-05
