"""ch06/simpson - the composite Simpson rule (Build).

Write the rule from ch06/simpson_by_hand as a function. n must be even: the rule fits one
parabola through each pair of neighbouring intervals. With h = (b - a) / n and the n + 1 nodes
x_i = a + i * h (i = 0 .. n, so x_0 = a and x_n = b):

    S_n = h/3 * [f(x_0) + 4 f(x_1) + 2 f(x_2) + 4 f(x_3) + ... + 2 f(x_{n-2}) + 4 f(x_{n-1}) + f(x_n)]

(odd-indexed nodes weight 4, even interior nodes weight 2, end nodes weight 1). It is exact for
polynomials up to degree 3, and its error is O(h**4) for a smooth f.

Contract
--------
simpson(f, a, b, n) -> float
    `f` is a NumPy-style function of one variable: it accepts a float and returns a float,
    and it also accepts a 1-D float array and returns the array of values elementwise (think
    np.sin, np.exp, or `lambda x: x**2 + 1`). Call it whichever way you like.
    `a` and `b` are finite floats. b < a is allowed and gives the negated integral (h is then
    negative; the formula needs no special case); a == b gives 0.
    `n` is an int, the number of equal intervals: even and n >= 2. An odd n, or n < 2,
    raises ValueError.
    Returns S_n as a float (a Python float or a NumPy float), equal to the formula above to
    within rounding: 1e-10 relative, or 1e-10 * |b - a| * max_i |f(x_i)| absolute.

Stuck? `numkata hint ch06/simpson` shows one hint at a time.
"""

import numpy as np


def simpson(f, a, b, n):
    raise NotImplementedError
