"""ch10/machin_pi - solved."""


def arctan_series(x, N):
    x = float(x)
    total = 0.0
    power = x  # x**(2n+1), updated by one factor x**2 per term
    for n in range(N):
        term = power / (2 * n + 1)
        total += term if n % 2 == 0 else -term
        power *= x * x
    return total
