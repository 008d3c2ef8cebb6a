"""ch04/sqrt2 - solved."""

from fractions import Fraction

# For x**2 - 2 the Newton step x - (x**2 - 2) / (2x) is (x + 2/x) / 2.
x = Fraction(1)
for _ in range(4):
    x = (x + 2 / x) / 2  # 3/2, 17/12, 577/408, 665857/470832

ANSWER = x
