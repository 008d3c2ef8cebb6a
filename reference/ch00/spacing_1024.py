"""ch00/spacing_1024 - solved."""

# 1024 = 2**10, so it sits at exponent 10 and the step there is 2**10 * 2**-23 = 2**-13.
ANSWER = 2**10 * 2**-23
