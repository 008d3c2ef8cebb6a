"""Other correct laplace_beta solutions: each must pass."""

from fractions import Fraction


def closed_form(a, b):
    s = a + b - 2
    return (a - 1) / s, (a - 1) * (b - 1) / s ** 3


def curvature_at_the_mode(a, b):
    mode = (a - 1) / (a + b - 2)
    one_minus_mode = (b - 1) / (a + b - 2)  # not 1 - mode: no cancellation near 1
    curvature = -(a - 1) / mode ** 2 - (b - 1) / one_minus_mode ** 2
    return mode, -1 / curvature


def exact_fractions(a, b):
    a, b = Fraction(a), Fraction(b)
    mode = (a - 1) / (a + b - 2)
    curvature = -(a - 1) / mode ** 2 - (b - 1) / (1 - mode) ** 2
    return float(mode), float(-1 / curvature)


def as_a_list(a, b):
    mode = (a - 1) / (a + b - 2)
    curvature = -(a - 1) / mode**2 - (b - 1) / (1 - mode) ** 2
    return [mode, -1.0 / curvature]
