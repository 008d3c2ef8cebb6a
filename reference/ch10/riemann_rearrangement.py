"""ch10/riemann_rearrangement - solved."""


def rearranged_sum(p, q, cycles):
    total = 0.0
    odd, even = 1, 2  # denominators of the next positive and the next negative term
    for _ in range(cycles):
        for _ in range(p):
            total += 1.0 / odd
            odd += 2
        for _ in range(q):
            total -= 1.0 / even
            even += 2
    return total
