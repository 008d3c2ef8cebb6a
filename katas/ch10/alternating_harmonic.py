"""ch10/alternating_harmonic - the sum of 1 - 1/2 + 1/3 - 1/4 + ... (Derive).

The harmonic series 1 + 1/2 + 1/3 + ... diverges, slowly, like ln(N). Flip every second sign
and it converges - conditionally, because its absolute values are the harmonic series again:

    1 - 1/2 + 1/3 - 1/4 + 1/5 - ...  =  sum_{n>=1} (-1)**(n+1) / n

Partial sums crawl towards the limit: after N terms the error is still about 1/(2N), so even
100,000 terms leave it at the 1e-5 level. Find the exact value instead. (Power series help:
which familiar function has the series x - x**2/2 + x**3/3 - ..., and is it fair to put x = 1?)

Your answer: set ANSWER to the sum as a Python number. An expression using the math module is
welcome. It is graded within 1e-9 relative, so no partial sum of any practical length will do.

Stuck? `numkata hint ch10/alternating_harmonic` shows one hint at a time.
"""

ANSWER = ...
