"""ch01/variance - solved."""


def variance(x):
    values = [float(v) for v in x]
    n = len(values)
    # Two passes: find the mean first, then average the squared deviations. The subtraction
    # happens on each value, where it is exact or nearly so, instead of between two huge
    # aggregates E[X^2] and E[X]^2 that agree in almost all their digits.
    mean = sum(values) / n
    return sum((v - mean) ** 2 for v in values) / n
