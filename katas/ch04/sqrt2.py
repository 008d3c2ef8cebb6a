"""ch04/sqrt2 - four Newton steps towards the square root of 2 (Derive).

Newton's method hunts for a zero of f by following tangents. At the current guess x_n,
replace f by its tangent line, f(x_n) + f'(x_n) * (x - x_n), and take the point where that
line meets zero as the next guess:

    x_{n+1} = x_n - f(x_n) / f'(x_n)

Near a simple root the error is roughly squared at every step, so the number of correct
digits about doubles each time.

Take f(x) = x**2 - 2, whose positive root is sqrt(2), with f'(x) = 2x, and start at
x0 = 1. Compute x1, x2, x3 and then x4.

Your answer: set ANSWER to x4 as a Python number. An exact expression or a
`fractions.Fraction` is welcome. It is graded within 1e-13 relative, which is tighter than
the distance from x4 to sqrt(2) itself, so a decimal answer needs at least 14 significant
digits (x4 is not yet equal to sqrt(2) in float64: its error is about 1.6e-12 - not the
4e-12 that a rough hand calculation suggests).

Stuck? `numkata hint ch04/sqrt2` shows one hint at a time.
"""

ANSWER = ...
