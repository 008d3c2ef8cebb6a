"""Other correct gradient_descent solutions: each must pass."""

import functools

import numpy as np


def plus_zero_copy(grad, x0, lr, n_steps):
    x = x0 + 0.0          # a new array (or float): the caller's x0 is never touched
    for _ in range(n_steps):
        x = x - lr * grad(x)
    return x


def in_place_on_a_copy(grad, x0, lr, n_steps):
    if isinstance(x0, np.ndarray):
        x = np.array(x0, dtype=float)
    else:
        x = float(x0)
    k = 0
    while k < n_steps:
        x -= lr * grad(x)
        k += 1
    return x


def functional_reduce(grad, x0, lr, n_steps):
    return functools.reduce(lambda x, _: x - lr * grad(x), range(n_steps), x0)


def numpy_copy_and_subtract(grad, x0, lr, n_steps):
    x = np.copy(x0) if np.ndim(x0) else x0
    for _ in range(n_steps):
        step = np.multiply(lr, grad(x))
        x = np.subtract(x, step)
    return x if np.ndim(x0) else float(x)
