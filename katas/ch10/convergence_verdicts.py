"""ch10/convergence_verdicts - which of four series add up to a number (Trace).

Summing terms on a computer always produces some number, so a partial sum alone cannot tell you
whether a series converges: you need a test. The usual toolkit is the p-series test
(sum 1/n**p converges exactly when p > 1), the ratio test (look at the limit L of
abs(a_{n+1} / a_n): L < 1 converges, L > 1 diverges, L = 1 says nothing), the alternating
series test (signs alternate and abs(a_n) decreases to 0: converges) and the divergence test
(terms that do not tend to 0 cannot sum to a number).

Decide, for each of these four series (n runs from 1 to infinity):

    (a)  sum 1 / n**(3/2)
    (b)  sum n / e**n
    (c)  sum (-1)**n / sqrt(n)
    (d)  sum n! / 2**n

Your answer: set ANSWER to a tuple (or list) of four strings, one per series in the order (a), (b), (c),
(d), each exactly "converges" or "diverges" (lower case), for example
("diverges", "diverges", "converges", "converges"). A series that converges but not absolutely
still "converges". Graded exactly.

Stuck? `numkata hint ch10/convergence_verdicts` shows one hint at a time.
"""

ANSWER = ...
