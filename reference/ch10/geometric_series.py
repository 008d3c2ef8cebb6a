"""ch10/geometric_series - solved."""


def geometric_partial_sum(r, N):
    # Horner's rule: 1 + r(1 + r(1 + ...)). N multiply-adds, no division, so r = 1 is no
    # special case, and each step loses at most a rounding error of the running value.
    r = float(r)
    total = 1.0
    for _ in range(N):
        total = 1.0 + r * total
    return total
