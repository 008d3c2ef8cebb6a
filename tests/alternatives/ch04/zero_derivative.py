"""Other correct fixes of ch04/zero_derivative: each must pass."""

import math


def raises_zero_division(f, fprime, x0, tol=1e-12, max_iter=100):
    x = x0
    for _ in range(max_iter):
        fx = f(x)
        if abs(fx) < tol:
            return x
        d = fprime(x)
        if abs(d) < 1e-12:
            raise ZeroDivisionError("flat tangent")
        x = x - fx / d
    return x


def while_loop_floating_point_error(f, fprime, x0, tol=1e-12, max_iter=100):
    x = x0
    steps = 0
    while True:
        fx = f(x)
        if math.fabs(fx) < tol:
            return x
        if steps == max_iter:
            return x
        slope = fprime(x)
        if -1e-12 < slope < 1e-12:
            raise FloatingPointError(f"derivative {slope} too small at x = {x}")
        x -= fx / slope
        steps += 1


def plain_arithmetic_error(f, fprime, x0, tol=1e-12, max_iter=100):
    x = x0
    for _ in range(max_iter):
        if abs(f(x)) < tol:
            return x
        if abs(fprime(x)) < 1e-12:
            raise ArithmeticError("zero derivative")
        x = x - f(x) / fprime(x)
    return x


def converts_to_python_float(f, fprime, x0, tol=1e-12, max_iter=100):
    x = float(x0)
    for _ in range(max_iter):
        fx = float(f(x))
        if abs(fx) < tol:
            return x
        d = float(fprime(x))
        if abs(d) < 1e-12:
            raise ZeroDivisionError(f"fprime({x}) = {d}")
        x -= fx / d
    return x
