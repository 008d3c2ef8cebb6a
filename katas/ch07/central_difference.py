"""ch07/central_difference - a central difference by hand (Derive).

The central difference takes the secant between two points placed symmetrically about x:

    f'(x) ~ (f(x + h) - f(x - h)) / (2h)

The f'' terms of the two Taylor expansions cancel, so its error is about f'''(x) * h**2 / 6:
second-order in h, for the same two evaluations of f that a forward difference costs.

Estimate f'(2) for f(x) = x**3 with the central difference and h = 0.01, as in
ch07/forward_difference. (The true value is 12.)

Your answer: set ANSWER to the central-difference estimate (not the true derivative) as a
Python number, graded within 1e-9 relative of the exact value of the quotient. An expression
is welcome, written like `(1.1**2 - 0.9**2) / 0.2` (that one is for f(x) = x**2, x = 1 and
h = 0.1).

Stuck? `numkata hint ch07/central_difference` shows one hint at a time.
"""

ANSWER = ...
