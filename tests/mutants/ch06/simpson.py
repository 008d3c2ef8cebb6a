"""Known-buggy simpson solutions. Each must be rejected; `expect` is the named mistake."""

import numpy as np


def _check_n(n):
    if n < 2 or n % 2:
        raise ValueError("even n >= 2")


def swapped_weights(f, a, b, n):
    _check_n(n)
    h = (b - a) / n
    y = f(np.linspace(a, b, n + 1))
    return float(h / 3 * (y[0] + y[-1] + 2 * np.sum(y[1:-1:2]) + 4 * np.sum(y[2:-1:2])))


swapped_weights.expect = "weights 4 and 2 are swapped"


def trapezoid_weights(f, a, b, n):
    _check_n(n)
    h = (b - a) / n
    y = f(np.linspace(a, b, n + 1))
    return float(h / 3 * (y[0] + y[-1] + 2 * np.sum(y[1:-1])))


trapezoid_weights.expect = "1, 2, ..., 2, 1 are the trapezoid's"


def accepts_odd_n(f, a, b, n):
    if n < 2:
        raise ValueError("n >= 2")
    h = (b - a) / n
    total = f(a) + f(b)
    for i in range(1, n):
        total += (4 if i % 2 else 2) * f(a + i * h)
    return float(h / 3 * total)


accepts_odd_n.expect = "an odd n must raise ValueError"


def h_over_n_minus_one(f, a, b, n):
    _check_n(n)
    h = (b - a) / (n - 1)
    total = f(a) + f(a + n * h)
    for i in range(1, n):
        total += (4 if i % 2 else 2) * f(a + i * h)
    return float(h / 3 * total)


h_over_n_minus_one.expect = "(b - a) / (n - 1)"


def loop_runs_one_too_far(f, a, b, n):
    _check_n(n)
    h = (b - a) / n
    total = f(a)
    for i in range(1, n + 1):
        total += (4 if i % 2 else 2) * f(a + i * h)
    return float(h / 3 * total)


loop_runs_one_too_far.expect = "off by one"


def factor_h_over_two(f, a, b, n):
    _check_n(n)
    h = (b - a) / n
    y = f(np.linspace(a, b, n + 1))
    return float(h / 2 * (y[0] + y[-1] + 4 * np.sum(y[1:-1:2]) + 2 * np.sum(y[2:-1:2])))


factor_h_over_two.expect = "not h/2"


def only_checks_parity(f, a, b, n):
    if n % 2:  # n = 0 is even, but the contract also asks n >= 2
        raise ValueError("even n")
    if n == 0:
        return 0.0
    h = (b - a) / n
    y = f(np.linspace(a, b, n + 1))
    return float(h / 3 * (y[0] + y[-1] + 4 * np.sum(y[1:-1:2]) + 2 * np.sum(y[2:-1:2])))


only_checks_parity.expect = None


def equal_limits_rejected(f, a, b, n):
    _check_n(n)
    if a == b:  # the contract gives 0 for a == b
        raise ValueError("a == b")
    h = (b - a) / n
    y = f(np.linspace(a, b, n + 1))
    return float(h / 3 * (y[0] + y[-1] + 4 * np.sum(y[1:-1:2]) + 2 * np.sum(y[2:-1:2])))


equal_limits_rejected.expect = None


def returns_an_array(f, a, b, n):
    _check_n(n)
    h = (b - a) / n
    y = f(np.linspace(a, b, n + 1))
    return np.atleast_1d(h / 3 * (y[0] + y[-1] + 4 * np.sum(y[1:-1:2]) + 2 * np.sum(y[2:-1:2])))


returns_an_array.expect = None
