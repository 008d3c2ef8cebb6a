"""ch07/error_ratio - solved."""

# forward = 12 + 3*x*h + h**2 = 12.0601, central = 12 + h**2 = 12.0001 for f = x**3 exactly.
# ratio = (3*x*h + h**2) / h**2 = 3*x/h + 1 = 601 (the leading terms alone give 600).
x, h = 2.0, 0.01
ANSWER = (3 * x * h + h**2) / h**2
