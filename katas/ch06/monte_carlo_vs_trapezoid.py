"""ch06/monte_carlo_vs_trapezoid - how many intervals for six correct digits (Derive).

The composite trapezoidal rule on [a, b] with n intervals of width h = (b - a) / n has an
error of at most

    (b - a) * h**2 / 12 * max |f''(x)|      (max over [a, b])

Suppose you integrate a smooth f over [0, 1] and all you know is |f''(x)| <= 1 there. How
many intervals n does this bound need before it guarantees an error strictly below 1e-6?

For comparison: plain Monte Carlo with N random samples has an error of about sigma / sqrt(N);
with sigma <= 1 it needs N > 10**12 samples for the same accuracy. In one dimension the
deterministic rule wins by a landslide; in d dimensions a tensor grid needs n**d points while
Monte Carlo's N does not depend on d, which is why sampling takes over in high dimensions.

Your answer: set ANSWER to the smallest whole number of intervals n for which the bound is
below 1e-6, as a Python int (a whole-valued float counts too). It is graded exactly.

Stuck? `numkata hint ch06/monte_carlo_vs_trapezoid` shows one hint at a time.
"""

ANSWER = ...
