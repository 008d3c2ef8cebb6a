"""ch07/error_ratio - how much better the central difference is (Derive).

Put the two previous katas side by side: for f(x) = x**3 at x = 2 with h = 0.01 you computed
a forward and a central difference, and f'(2) = 12.

The leading error terms predict the ratio: forward ~ f''(x) h / 2, central ~ f'''(x) h**2 / 6,
so their quotient grows like 1/h - the smaller h, the bigger the central difference's lead
(until rounding spoils it, see ch07/optimal_step). The leading terms are not the whole story,
though: for a cubic the Taylor series ends after a few terms, so you can work out both errors
exactly.

What is |forward - 12| / |central - 12|, the ratio of the actual errors of the two estimates
(not of their leading-order terms)?

Your answer: set ANSWER to the ratio as a Python number, graded within 1e-6 relative of the
exact value. An expression built from your two estimates is welcome.

Stuck? `numkata hint ch07/error_ratio` shows one hint at a time.
"""

ANSWER = ...
