"""ch04/newton - Newton's method with a fixed number of steps (Build).

Newton's method replaces f by its tangent at the current guess and jumps to where the
tangent crosses zero:

    x_{k+1} = x_k - f(x_k) / fprime(x_k)

Near a simple root the error is roughly squared at each step (quadratic convergence): for
f(x) = x**2 - a the errors obey e_{k+1} = e_k**2 / (2 x_k) exactly. This version takes a
fixed number of steps, which makes it easy to watch that happen.

Contract
--------
newton(f, fprime, x0, n_iter) -> float
    `f` and `fprime` are functions of one float (plain Python functions or lambdas) returning
    floats; `x0` is a float; `n_iter` >= 0 is an integer.
    Performs exactly `n_iter` Newton steps x <- x - f(x) / fprime(x), starting from x = x0,
    and returns the last iterate as a float. With n_iter = 0 it returns x0.
    It may stop early when f(x) is exactly 0.0 (every further step would leave x unchanged),
    but only then: a small non-zero f(x) still gets its step.
    The derivative is evaluated at the current iterate in every step. Results are compared
    with the step-by-step iterates to within 1e-12 relative.
    The checks only pass functions whose derivative is non-zero at every iterate.

Stuck? `numkata hint ch04/newton` shows one hint at a time.
"""


def newton(f, fprime, x0, n_iter):
    raise NotImplementedError
