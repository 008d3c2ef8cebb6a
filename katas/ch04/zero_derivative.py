"""ch04/zero_derivative - Newton meets a flat tangent (Debug).

Newton's step x - f(x) / fprime(x) divides by the slope of the tangent. Where that slope is
zero the tangent is horizontal and never meets zero; where it is merely tiny the step flings
x far away. In plain Python, 1.0 / 0.0 raises ZeroDivisionError - but a NumPy float64 divided
by 0.0 quietly gives inf (with a RuntimeWarning) and then nan, and 1.0 / 1e-13 raises nothing
at all. A solver must notice the flat tangent itself.

The `newton_solve` below finds roots nicely, until it meets such a tangent. Find the bug
and fix it.

Contract
--------
newton_solve(f, fprime, x0, tol=1e-12, max_iter=100) -> float
    `f` and `fprime` are functions of one number; `x0` is a Python float or a NumPy float64
    (then f and fprime return NumPy float64 values too).
    Starting from x = x0, for each iterate in turn:
      1. if abs(f(x)) < tol, return x (the first iterate that meets the tolerance);
      2. otherwise, if abs(fprime(x)) < 1e-12, raise an ArithmeticError - any subclass, such
         as ZeroDivisionError - instead of dividing (the tangent is flat or nearly so);
      3. otherwise take the step x <- x - f(x) / fprime(x).
    After `max_iter` steps without meeting the tolerance it returns the last iterate (the
    one reached by the max_iter-th step); with max_iter = 0 that is x0. A slope of 1e-10 or
    more is no reason to stop. Results are compared with the step-by-step iterates to
    within 1e-12 relative.

Stuck? `numkata hint ch04/zero_derivative` shows one hint at a time.
"""


def newton_solve(f, fprime, x0, tol=1e-12, max_iter=100):
    x = x0
    for _ in range(max_iter):
        fx = f(x)
        if abs(fx) < tol:
            return x
        x = x - fx / fprime(x)
    return x
