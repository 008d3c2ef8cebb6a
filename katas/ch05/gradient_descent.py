"""ch05/gradient_descent - plain gradient descent (Build).

Gradient descent repeats one move: step against the gradient, scaled by the learning rate.

    x_{k+1} = x_k - lr * grad(x_k)

On a quadratic it is easy to predict. For f(x) = x**2 every step multiplies x by (1 - 2 lr);
for a bowl f = sum_i (d_i / 2) x_i**2 coordinate i is multiplied by (1 - lr d_i). The steps
shrink the error while every abs(1 - lr d_i) < 1, that is lr < 2/L with L the largest
curvature; above that threshold the iterates grow geometrically, exactly as the formula
says - gradient descent then diverges rather than fails loudly.

Contract
--------
gradient_descent(grad, x0, lr, n_steps)
    `grad` maps a point to its gradient (a float to a float, a 1-D float array to a 1-D float
    array of the same shape); `x0` is a float or a 1-D float64 array; `lr` is a positive
    float; `n_steps` >= 0 is an integer.
    Applies exactly `n_steps` updates x <- x - lr * grad(x), starting from x = x0, and returns
    the final x: a float for a float `x0`, an array of x0's shape for an array `x0`. With
    n_steps = 0 it returns x0's value. Nothing else is done - no stopping rule, no clipping:
    if the iterates grow, they are returned grown.
    `x0` is not modified (an array update must not overwrite the caller's array).
    Results are compared with the step-by-step iterates (and, on quadratics, with the closed
    form) to within 1e-9 relative, or 1e-12 times the largest entry of x0 absolute for
    entries that end up near 0.

Stuck? `numkata hint ch05/gradient_descent` shows one hint at a time.
"""

import numpy as np


def gradient_descent(grad, x0, lr, n_steps):
    raise NotImplementedError
