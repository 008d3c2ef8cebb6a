"""ch06/error_doubling - solved."""

# Error ~ C * h**p, so halving h divides it by 2**p: p = 2 for the trapezoid rule,
# p = 4 for Simpson's rule.
ANSWER = (2**2, 2**4)
