"""ch06/trapezoid_by_hand - the trapezoidal rule by hand (Derive).

Quadrature replaces an integral with a weighted sum of function values. The composite
trapezoidal rule splits [a, b] into n intervals of equal width h = (b - a) / n, joins
neighbouring points (x_i, f(x_i)) with straight lines, and adds up the areas of the n
trapezoids under them (x_i = a + i * h):

    T_n = h/2 * [f(x_0) + 2 f(x_1) + 2 f(x_2) + ... + 2 f(x_{n-1}) + f(x_n)]

An interior node is a side of two trapezoids, hence its weight 2; each end node belongs to
only one.

Apply the rule to the integral of x**2 over [0, 1] with n = 4 intervals. The exact integral
is 1/3; the rule lands a little above it, because x**2 curves upwards and every chord lies
above the curve.

Your answer: set ANSWER to the value the rule gives (not the exact integral) as a Python
number. An exact expression such as `3 / 8 + 1 / 64` is welcome. It is graded within
1e-12 relative.

Stuck? `numkata hint ch06/trapezoid_by_hand` shows one hint at a time.
"""

ANSWER = ...
