"""ch06/trapezoidal - the composite trapezoidal rule (Build).

Write the rule from ch06/trapezoid_by_hand as a function. With h = (b - a) / n and the n + 1
equally spaced nodes x_i = a + i * h (i = 0 .. n, so x_0 = a and x_n = b):

    T_n = h/2 * [f(x_0) + 2 f(x_1) + ... + 2 f(x_{n-1}) + f(x_n)]

Its error is O(h**2) for a smooth f, and it is exact for straight lines.

Contract
--------
trapezoidal(f, a, b, n) -> float
    `f` is a NumPy-style function of one variable: it accepts a float and returns a float,
    and it also accepts a 1-D float array and returns the array of values elementwise (think
    np.sin, np.exp, or `lambda x: x**2 + 1`). Call it whichever way you like.
    `a` and `b` are finite floats. b < a is allowed and gives the negated integral (h is then
    negative; the formula needs no special case); a == b gives 0.
    `n` is an int, the number of equal intervals, n >= 1. n < 1 raises ValueError.
    Returns T_n as a float (a Python float or a NumPy float), equal to the formula above to
    within rounding: 1e-10 relative, or 1e-10 * |b - a| * max_i |f(x_i)| absolute.

Stuck? `numkata hint ch06/trapezoidal` shows one hint at a time.
"""

import numpy as np


def trapezoidal(f, a, b, n):
    raise NotImplementedError
