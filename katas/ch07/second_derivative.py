"""ch07/second_derivative - a central second difference (Derive).

Second derivatives - curvature, Hessian-vector products in second-order optimisers - can be
estimated from three function values:

    f''(x) ~ (f(x + h) - 2 f(x) + f(x - h)) / h**2

Adding the Taylor expansions of f(x + h) and f(x - h) cancels every odd-order term, so the
error is about f''''(x) * h**2 / 12: second-order in h.

Estimate f''(1) for f(x) = exp(x) with h = 0.1. (The true value is e = 2.718281828...)

A note on precision: the numerator is a small difference of three numbers near 3. If you round
them to five decimals first you get 2.721 - an answer off in the fourth significant digit, and
an "error" of 0.003. Computed at full precision the estimate's error is about 0.0023, just as
the h**2 * e / 12 estimate predicts.

Your answer: set ANSWER to the estimate (not the true value e) as a Python number, graded
within 1e-6 relative of the quotient evaluated at high precision. An expression using
math.exp is welcome.

Stuck? `numkata hint ch07/second_derivative` shows one hint at a time.
"""

ANSWER = ...
