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
is welcome, written like `(1.1**2 - 1) / 0.1` (that one is for f(x) = x**2, x = 1 and
h = 0.1).

Stuck? `numkata hint ch07/forward_difference` shows one hint at a time.
"""

ANSWER = ...
