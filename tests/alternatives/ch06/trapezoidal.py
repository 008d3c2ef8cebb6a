"""Other correct trapezoidal solutions: each must pass."""

import math

import numpy as np


def pure_python_loop(f, a, b, n):
    if n < 1:
        raise ValueError("n must be at least 1")
    h = (b - a) / n
    total = (f(a) + f(b)) / 2
    for i in range(1, n):
        total += f(a + i * h)
    return float(h * total)


def scipy_trapezoid(f, a, b, n):
    from scipy.integrate import trapezoid

    if n < 1:
        raise ValueError(f"need n >= 1 intervals, got {n}")
    x = np.linspace(a, b, n + 1)
    return trapezoid(f(x), x)


def weights_dot_values(f, a, b, n):
    if not n >= 1:
        raise ValueError("n < 1")
    h = (b - a) / n
    x = a + h * np.arange(n + 1, dtype=float)
    w = np.full(n + 1, h)
    w[0] = w[-1] = h / 2
    return float(w @ f(x))


def fsum_of_trapezoids(f, a, b, n):
    if n < 1:
        raise ValueError("n must be >= 1")
    h = (b - a) / n
    ys = [float(f(a + i * h)) for i in range(n)] + [float(f(b))]
    return h * math.fsum((ys[i] + ys[i + 1]) / 2 for i in range(n))
