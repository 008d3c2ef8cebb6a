"""ch01/lse_by_hand - log-sum-exp of [10, 20, 30] (Derive).

The log-sum-exp of a vector x is LSE(x) = log(exp(x_1) + ... + exp(x_n)) (natural log). It is a
smooth stand-in for max(x): it is never below the max and exceeds it by at most log(n). Pulling
the max m out front rewrites it as

    LSE(x) = m + log(exp(x_1 - m) + ... + exp(x_n - m)),

where every exponent is <= 0, so nothing can overflow.

Compute LSE([10, 20, 30]).

Your answer: set ANSWER to the value as a Python number. It is graded within 1e-7 absolute, so
a decimal answer needs at least 7 correct decimal places: "about 30" is not enough - the point
is by how much it exceeds 30.

Stuck? `numkata hint ch01/lse_by_hand` shows one hint at a time.
"""

ANSWER = ...
