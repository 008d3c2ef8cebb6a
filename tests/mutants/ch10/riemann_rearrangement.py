"""Known-buggy rearranged_sum solutions. Each must be rejected; `expect` is the named mistake."""


def odd_even_swapped(p, q, cycles):
    total, pos, neg = 0.0, 2, 1
    for _ in range(cycles):
        for _ in range(p):
            total += 1.0 / pos
            pos += 2
        for _ in range(q):
            total -= 1.0 / neg
            neg += 2
    return total


odd_even_swapped.expect = "signs are on the wrong terms"


def restarts_each_cycle(p, q, cycles):
    total = 0.0
    for _ in range(cycles):
        for k in range(1, p + 1):
            total += 1.0 / (2 * k - 1)
        for k in range(1, q + 1):
            total -= 1.0 / (2 * k)
    return total


restarts_each_cycle.expect = "restart every cycle"


def one_cycle_too_many(p, q, cycles):
    total, odd, even = 0.0, 1, 2
    for _ in range(cycles + 1):
        for _ in range(p):
            total += 1.0 / odd
            odd += 2
        for _ in range(q):
            total -= 1.0 / even
            even += 2
    return total


one_cycle_too_many.expect = "off by one cycle"


def limit_instead_of_partial_sum(p, q, cycles):
    import math

    if cycles == 0:
        return 0.0
    return math.log(2) + 0.5 * math.log(p / q)


limit_instead_of_partial_sum.expect = None


def zero_cycles_not_zero(p, q, cycles):
    total = 0.0
    odd, even = 1, 2
    for _ in range(max(cycles, 1)):  # always at least one cycle
        for _ in range(p):
            total += 1.0 / odd
            odd += 2
        for _ in range(q):
            total -= 1.0 / even
            even += 2
    return total


zero_cycles_not_zero.expect = None
