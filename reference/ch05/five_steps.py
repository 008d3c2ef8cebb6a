"""ch05/five_steps - solved."""

# Each step: x - 0.1 * 2x = 0.8x, so x5 = 0.8**5 * 5 = 1.6384 and f(x5) = x5**2.
ANSWER = (0.8**5 * 5) ** 2
