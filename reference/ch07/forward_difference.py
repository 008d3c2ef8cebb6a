"""ch07/forward_difference - solved."""

# 2.01**3 = 8.120601, so the quotient is 0.120601 / 0.01 = 12.0601 (error 0.0601 ~ f''(2) h / 2).
ANSWER = (2.01**3 - 2.0**3) / 0.01
