"""ch07/grad_check - a gradient checker (Build).

Before trusting a hand-written backward pass, compare it with a numerical gradient. Perturb
one entry of x at a time by +h and -h, take the central difference of f, and see how far the
analytic gradient is from the result - relative to the sizes of both, so that the number
means the same for tiny and for huge gradients. Values near 1e-10 or below say "agree"; values
of 1e-3 and above say "bug".

Contract
--------
grad_check(f, x, analytic_grad, h=1e-6) -> float
    `f` maps a float64 NumPy array of x's shape to a float.
    `x` is a float64 NumPy array of any shape: 1-D, 2-D or more, including a single entry of
    shape (1,) and a 0-d array (shape (), one number). `analytic_grad` is a float64 array of
    the same shape. `h` is a positive float.
    For every entry i of x (e_i is the array of x's shape with 1 at entry i and 0 elsewhere):

        numeric[i] = (f(x + h e_i) - f(x - h e_i)) / (2 h)

    where x + h e_i changes entry i to x[i] + h and leaves every other entry as it is.
    Returns the relative error

        norm(analytic_grad - numeric) / (norm(analytic_grad) + norm(numeric) + 1e-12)

    as a float, where norm is the 2-norm over all entries (the square root of the sum of the
    squares of every entry, whatever the shape - for a 2-D array that is the Frobenius norm,
    not the matrix 2-norm). The +1e-12 keeps the value finite (0) when both gradients are 0.
    Graded against the value of exactly this formula computed in the check, to within 1e-9
    relative or 1e-13 absolute: a loop and a vectorised implementation evaluate f at the same
    points and agree far more closely than that.
    `x` and `analytic_grad` are not modified: when the call returns they hold exactly the
    values they held before (beware: x[i] += h followed by x[i] -= h need not give back the
    original x[i] - perturbing copies is simplest).

Stuck? `numkata hint ch07/grad_check` shows one hint at a time.
"""

import numpy as np


def grad_check(f, x, analytic_grad, h=1e-6):
    raise NotImplementedError
