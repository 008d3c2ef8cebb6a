"""Newton's method on x**2 - 2 from x0 = 1 in exact rational arithmetic, shared by ch04's
sqrt2 and convergence_rate checks."""

from fractions import Fraction


def exact_iterates(n: int) -> list[Fraction]:
    """x0 = 1, x1, ..., xn, each x - (x**2 - 2) / (2x) computed exactly."""
    x = Fraction(1)
    xs = [x]
    for _ in range(n):
        x = x - (x * x - 2) / (2 * x)
        xs.append(x)
    return xs
