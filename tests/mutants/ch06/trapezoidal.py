"""Known-buggy trapezoidal solutions. Each must be rejected; `expect` is the named mistake."""

import numpy as np


def riemann_sum(f, a, b, n):
    if n < 1:
        raise ValueError("n >= 1")
    h = (b - a) / n
    return float(h * np.sum(f(a + h * np.arange(n))))


riemann_sum.expect = "left Riemann sum"


def all_weights_one(f, a, b, n):
    if n < 1:
        raise ValueError("n >= 1")
    h = (b - a) / n
    return float(h * np.sum(f(np.linspace(a, b, n + 1))))


all_weights_one.expect = "every node got weight 1"


def n_points_not_n_plus_one(f, a, b, n):
    if n < 1:
        raise ValueError("n >= 1")
    x = np.linspace(a, b, n)
    y = f(x)
    h = (b - a) / (n - 1) if n > 1 else 0.0
    return float(h / 2 * (y[0] + 2 * np.sum(y[1:-1]) + y[-1]))


n_points_not_n_plus_one.expect = "rule with n - 1 intervals"


def h_over_n_minus_one(f, a, b, n):
    if n < 1:
        raise ValueError("n >= 1")
    h = (b - a) / (n - 1) if n > 1 else b - a
    total = f(a) + f(a + n * h)
    for i in range(1, n):
        total += 2 * f(a + i * h)
    return float(h / 2 * total)


h_over_n_minus_one.expect = "(b - a) / (n - 1)"


def interior_loop_one_short(f, a, b, n):
    if n < 1:
        raise ValueError("n >= 1")
    h = (b - a) / n
    total = f(a) + f(b)
    for i in range(1, n - 1):
        total += 2 * f(a + i * h)
    return float(h / 2 * total)


interior_loop_one_short.expect = "stops one node early"


def no_validation(f, a, b, n):
    h = (b - a) / n if n else 0.0
    x = a + h * np.arange(max(n, 0) + 1)
    y = np.asarray(f(x), dtype=float)
    return float(h * (y.sum() - 0.5 * (y[0] + y[-1])))


no_validation.expect = "n < 1 must raise ValueError"


def loses_the_sign(f, a, b, n):
    if n < 1:
        raise ValueError("n >= 1")
    lo, hi = min(a, b), max(a, b)
    y = f(np.linspace(lo, hi, n + 1))
    h = (hi - lo) / n
    return float(h * (np.sum(y) - 0.5 * (y[0] + y[-1])))


loses_the_sign.expect = "sign is lost"


def equal_limits_rejected(f, a, b, n):
    if n < 1 or a == b:  # the contract gives 0 for a == b
        raise ValueError("need n >= 1 and a != b")
    h = (b - a) / n
    y = f(np.linspace(a, b, n + 1))
    return float(h * (np.sum(y) - (y[0] + y[-1]) / 2))


equal_limits_rejected.expect = None


def returns_an_array(f, a, b, n):
    if n < 1:
        raise ValueError("n >= 1")
    h = (b - a) / n
    y = f(np.linspace(a, b, n + 1))
    return np.atleast_1d(h * (np.sum(y) - (y[0] + y[-1]) / 2))


returns_an_array.expect = None


def gives_up_for_many_intervals(f, a, b, n):
    if n < 1:
        raise ValueError("n >= 1")
    h = (b - a) / n
    y = f(np.linspace(a, b, n + 1))
    return float(h * (np.sum(y) - (y[0] + y[-1]) / 2)) if n < 50 else float("nan")


gives_up_for_many_intervals.expect = None
