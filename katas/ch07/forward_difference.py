"""ch07/forward_difference - a forward difference by hand (Derive).

When a derivative is not available in closed form - or when you want to test one you derived
for backpropagation - you can estimate it from function values. The forward difference uses
the slope of the secant from x to x + h:

    f'(x) ~ (f(x + h) - f(x)) / h

Taylor's theorem says its error is about f''(x) * h / 2: it is first-order in h.

Estimate f'(2) for f(x) = x**3 with the forward difference and h = 0.01. (The true value is
3 * 2**2 = 12.)

Your answer: set ANSWER to the forward-difference estimate (not the true derivative) as a
Python number, graded within 1e-9 relative of the exact value of the quotient. An expression
such as `(2.01**3 - 8) / 0.01` is welcome.

Stuck? `numkata hint ch07/forward_difference` shows one hint at a time.
"""

ANSWER = ...
