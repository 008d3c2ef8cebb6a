"""ch06/simpson_by_hand - Simpson's rule by hand (Derive).

The trapezoidal rule replaces f by a straight line on every interval. Simpson's rule fits a
parabola through each pair of neighbouring intervals instead, which is why it needs an even
number n of intervals. With h = (b - a) / n and x_i = a + i * h the composite rule reads

    S_n = h/3 * [f(x_0) + 4 f(x_1) + 2 f(x_2) + 4 f(x_3) + ... + 2 f(x_{n-2}) + 4 f(x_{n-1}) + f(x_n)]

Odd-indexed nodes (the middles of the parabolas) carry weight 4; even interior nodes, where two
parabolas meet, carry weight 2; the end nodes carry 1.

Apply it to the integral of x**2 over [0, 1] with n = 4 intervals - the same nodes as
ch06/trapezoid_by_hand - and compare with the exact value 1/3.

Your answer: set ANSWER to the value Simpson's rule gives, as a Python number. An exact
expression such as `(1 / 12) * 5` is welcome. It is graded within 1e-12 relative.

Stuck? `numkata hint ch06/simpson_by_hand` shows one hint at a time.
"""

ANSWER = ...
