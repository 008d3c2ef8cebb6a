"""ch10/geometric_series - a geometric partial sum that is right at r = 1 (Build).

The geometric series 1 + r + r**2 + ... is the sum behind discounted returns in reinforcement
learning and behind Adam's bias correction. Its partial sum has a well-known closed form,
(1 - r**(N+1)) / (1 - r), but a closed form is only as good as its arithmetic: at r = 1 it is
0 / 0, although every term is 1 there and the sum is simply N + 1. Close to r = 1 it subtracts
two nearly equal numbers. Adding the terms up is not the only alternative either.

Contract
--------
geometric_partial_sum(r, N) -> float
    `r` is a real number (a Python float or int, or a NumPy float) with abs(r) <= 2, and `N`
    is an int with 0 <= N <= 1000. Returns the partial sum

        r**0 + r**1 + ... + r**N        (N + 1 terms, n = 0 .. N; r**0 is 1, also for r = 0)

    as a number. Its error, measured against the exact sum for the given float `r`, is at most
    1e-7 * (abs(r)**0 + abs(r)**1 + ... + abs(r)**N). That must hold for every r in the
    range: r = 1 exactly, r within 1e-12 of 1, negative r, and abs(r) up to 2.

Stuck? `numkata hint ch10/geometric_series` shows one hint at a time.
"""


def geometric_partial_sum(r, N):
    raise NotImplementedError
