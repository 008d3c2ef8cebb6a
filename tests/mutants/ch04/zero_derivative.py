"""Known-buggy newton_solve solutions. Each must be rejected; `expect` is the named mistake."""


def shipped(f, fprime, x0, tol=1e-12, max_iter=100):
    x = x0
    for _ in range(max_iter):
        fx = f(x)
        if abs(fx) < tol:
            return x
        x = x - fx / fprime(x)
    return x


shipped.expect = "divided by a zero derivative"


def guards_exact_zero_only(f, fprime, x0, tol=1e-12, max_iter=100):
    x = x0
    for _ in range(max_iter):
        fx = f(x)
        if abs(fx) < tol:
            return x
        d = fprime(x)
        if d == 0:
            raise ZeroDivisionError("flat tangent")
        x = x - fx / d
    return x


guards_exact_zero_only.expect = "stepped with a tiny derivative"


def returns_x_at_flat_tangent(f, fprime, x0, tol=1e-12, max_iter=100):
    x = x0
    for _ in range(max_iter):
        fx = f(x)
        if abs(fx) < tol:
            return x
        d = fprime(x)
        if abs(d) < 1e-12:
            return x
        x = x - fx / d
    return x


returns_x_at_flat_tangent.expect = "returned x at the flat tangent"


def raises_value_error(f, fprime, x0, tol=1e-12, max_iter=100):
    x = x0
    for _ in range(max_iter):
        fx = f(x)
        if abs(fx) < tol:
            return x
        d = fprime(x)
        if abs(d) < 1e-12:
            raise ValueError("flat tangent")
        x = x - fx / d
    return x


raises_value_error.expect = "ValueError is not an ArithmeticError"


def checks_slope_first(f, fprime, x0, tol=1e-12, max_iter=100):
    x = x0
    for _ in range(max_iter):
        d = fprime(x)
        if abs(d) < 1e-12:
            raise ZeroDivisionError("flat tangent")
        fx = f(x)
        if abs(fx) < tol:
            return x
        x = x - fx / d
    return x


checks_slope_first.expect = "checked the slope before the tolerance"


def steps_before_testing(f, fprime, x0, tol=1e-12, max_iter=100):
    x = x0
    for _ in range(max_iter):
        fx = f(x)
        d = fprime(x)
        if abs(d) < 1e-12:
            raise ZeroDivisionError("flat tangent")
        x = x - fx / d
        if abs(fx) < tol:
            return x
    return x


steps_before_testing.expect = "took a step past the first iterate"


def threshold_too_cautious(f, fprime, x0, tol=1e-12, max_iter=100):
    x = x0
    for _ in range(max_iter):
        fx = f(x)
        if abs(fx) < tol:
            return x
        d = fprime(x)
        if abs(d) < 1e-6:
            raise ZeroDivisionError("flat tangent")
        x = x - fx / d
    return x


threshold_too_cautious.expect = "gave up although no slope"


def one_step_too_many(f, fprime, x0, tol=1e-12, max_iter=100):
    x = x0
    for _ in range(max_iter + 1):
        fx = f(x)
        if abs(fx) < tol:
            return x
        d = fprime(x)
        if abs(d) < 1e-12:
            raise ZeroDivisionError("flat tangent")
        x = x - fx / d
    return x


one_step_too_many.expect = "one step too many"


def raises_when_not_converged(f, fprime, x0, tol=1e-12, max_iter=100):
    x = x0
    for _ in range(max_iter):
        fx = f(x)
        if abs(fx) < tol:
            return x
        d = fprime(x)
        if abs(d) < 1e-12:
            raise ZeroDivisionError("flat tangent")
        x = x - fx / d
    if abs(f(x)) >= tol:
        raise RuntimeError("no convergence")  # the contract returns the last iterate instead
    return x


raises_when_not_converged.expect = None


def slope_exactly_1e_12_is_flat(f, fprime, x0, tol=1e-12, max_iter=100):
    x = x0
    for _ in range(max_iter):
        fx = f(x)
        if abs(fx) < tol:
            return x
        d = fprime(x)
        if abs(d) <= 1e-12:  # the contract raises only below 1e-12
            raise ZeroDivisionError("flat tangent")
        x = x - fx / d
    return x


slope_exactly_1e_12_is_flat.expect = "gave up although no slope"


def tolerance_inclusive(f, fprime, x0, tol=1e-12, max_iter=100):
    x = x0
    for _ in range(max_iter):
        fx = f(x)
        if abs(fx) <= tol:  # the contract returns only when abs(f(x)) < tol
            return x
        d = fprime(x)
        if abs(d) < 1e-12:
            raise ZeroDivisionError("flat tangent")
        x = x - fx / d
    return x


tolerance_inclusive.expect = "the test is strict"


def ignores_max_iter(f, fprime, x0, tol=1e-12, max_iter=100):
    x = x0
    for _ in range(100):
        fx = f(x)
        if abs(fx) < tol:
            return x
        d = fprime(x)
        if abs(d) < 1e-12:
            raise ZeroDivisionError("flat tangent")
        x = x - fx / d
    return x


ignores_max_iter.expect = None
