"""ch10/machin_pi - pi from two fast arctangent series (Build).

Integrating 1 / (1 + t**2) = 1 - t**2 + t**4 - ... term by term gives the arctangent series

    arctan(x) = x - x**3/3 + x**5/5 - ... = sum_{n>=0} (-1)**n * x**(2n+1) / (2n+1),

valid for abs(x) <= 1. At x = 1 it is Leibniz's series for pi/4, which needs about a million
terms per six digits. Machin's identity pi/4 = 4 arctan(1/5) - arctan(1/239) uses the same
series at small x, where the terms shrink like (1/5)**(2n) and (1/239)**(2n): a dozen terms
give pi to full double precision.

Contract
--------
arctan_series(x, N) -> float
    `x` is a real number with abs(x) <= 1 and `N` an int with 0 <= N <= 1000. Returns the
    partial sum of the first N terms,

        sum_{n=0}^{N-1} (-1)**n * x**(2n+1) / (2n+1)        (N = 0 gives 0),

    as a number, within 1e-12 absolute of the exact partial sum for the given float x.

Stuck? `numkata hint ch10/machin_pi` shows one hint at a time.
"""


def arctan_series(x, N):
    raise NotImplementedError
