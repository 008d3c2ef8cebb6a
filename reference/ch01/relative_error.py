"""ch01/relative_error - solved."""

from fractions import Fraction

# 1e-15 / 2**-52 = 4.5036..., so 1 + 1e-15 rounds to 1 + 5 * 2**-52 and the subtraction returns
# 5 * 2**-52 = 1.1102230246251565e-15 exactly. Measure its distance from 1e-15 exactly.
computed = Fraction(5, 2**52)
true = Fraction(1, 10**15)
ANSWER = float(abs(computed - true) / true)
