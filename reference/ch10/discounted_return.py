"""ch10/discounted_return - solved."""

# A geometric series with ratio gamma and first term 1: 1 / (1 - gamma).
ANSWER = 1 / (1 - 0.95)
