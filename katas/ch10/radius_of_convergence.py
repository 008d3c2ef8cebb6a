"""ch10/radius_of_convergence - how far three power series reach (Derive).

A power series sum c_n * x**n converges for abs(x) < R and diverges for abs(x) > R; R is its
radius of convergence. When the limit exists, R = lim abs(c_n / c_{n+1}) as n -> infinity
(the ratio test turned around), and in general R = 1 / limsup abs(c_n)**(1/n). R can be 0
(the series converges only at x = 0) or infinite (it converges for every x).

Find R for each of

    (a)  sum_{n>=0} x**n / 3**n
    (b)  sum_{n>=1} (-1)**n * x**n / n
    (c)  sum_{n>=0} n! * x**n

A ratio evaluated at one finite n is only an estimate of the limit: for (b) it is (n+1)/n,
which is never exactly the limit, however large n is. Give the limits themselves.

Your answer: set ANSWER to a tuple (or list) of three numbers (R_a, R_b, R_c), in that order. Write an
infinite radius as math.inf (none of these three needs it). Each entry is graded within 1e-9
relative, or 1e-9 absolute for a radius of 0.

Stuck? `numkata hint ch10/radius_of_convergence` shows one hint at a time.
"""

ANSWER = ...
