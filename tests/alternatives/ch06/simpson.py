"""Other correct simpson solutions: each must pass."""

import math

import numpy as np


def pure_python_loop(f, a, b, n):
    if n < 2 or n % 2:
        raise ValueError("n must be even and at least 2")
    h = (b - a) / n
    total = f(a) + f(b)
    for i in range(1, n):
        total += (4 if i % 2 else 2) * f(a + i * h)
    return float(h / 3 * total)


def scipy_simpson(f, a, b, n):
    from scipy.integrate import simpson

    if n < 2 or n % 2 != 0:
        raise ValueError(f"n must be even and >= 2, got {n}")
    x = np.linspace(a, b, n + 1)
    return simpson(f(x), x=x)


def richardson_of_trapezoids(f, a, b, n):
    # S_n = (4 T_n - T_{n/2}) / 3, an exact identity between the weighted sums
    if n < 2 or n % 2 == 1:
        raise ValueError("odd or too small n")
    y = f(np.linspace(a, b, n + 1))
    h = (b - a) / n
    t_n = h * (y.sum() - (y[0] + y[-1]) / 2)
    y2 = y[::2]
    t_half = 2 * h * (y2.sum() - (y2[0] + y2[-1]) / 2)
    return (4 * t_n - t_half) / 3


def pairs_of_intervals(f, a, b, n):
    if n < 2 or n % 2:
        raise ValueError("n must be a positive even number")
    h = (b - a) / n
    parts = []
    for j in range(n // 2):
        x0 = a + 2 * j * h
        parts.append(h / 3 * (f(x0) + 4 * f(x0 + h) + f(x0 + 2 * h)))
    return math.fsum(float(p) for p in parts)
