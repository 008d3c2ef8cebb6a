"""Known-buggy newton solutions. Each must be rejected; `expect` is the named mistake."""


def one_step_too_many(f, fprime, x0, n_iter):
    x = x0
    for _ in range(n_iter + 1):
        x = x - f(x) / fprime(x)
    return x


one_step_too_many.expect = "one Newton step too many"


def one_step_too_few(f, fprime, x0, n_iter):
    x = x0
    for _ in range(n_iter - 1):
        x = x - f(x) / fprime(x)
    return x


one_step_too_few.expect = "one Newton step too few"


def wrong_sign(f, fprime, x0, n_iter):
    x = x0
    for _ in range(n_iter):
        x = x + f(x) / fprime(x)
    return x


wrong_sign.expect = "wrong sign"


def derivative_only_at_x0(f, fprime, x0, n_iter):
    d = fprime(x0)
    x = x0
    for _ in range(n_iter):
        x = x - f(x) / d
    return x


derivative_only_at_x0.expect = "evaluated only once"


def stops_at_a_tolerance(f, fprime, x0, n_iter):
    x = x0
    for _ in range(n_iter):
        fx = f(x)
        if abs(fx) < 1e-8:
            break
        x = x - fx / fprime(x)
    return x


stops_at_a_tolerance.expect = "stopped early although f(x) was not exactly 0"


def while_loop_off_by_one(f, fprime, x0, n_iter):
    x = x0
    k = 0
    while k <= n_iter:
        x = x - f(x) / fprime(x)
        k += 1
    return x


while_loop_off_by_one.expect = "one Newton step too many"


def stops_below_a_tiny_threshold(f, fprime, x0, n_iter):
    x = x0
    for _ in range(n_iter):
        fx = f(x)
        if abs(fx) < 1e-300:  # far below any scale of f one would expect - still not "exactly 0"
            break
        x = x - fx / fprime(x)
    return x


stops_below_a_tiny_threshold.expect = "stopped early although f(x) was not exactly 0"


def one_entry_array(f, fprime, x0, n_iter):
    import numpy as np

    x = np.array([x0], dtype=float)  # the contract returns a float, not an array
    for _ in range(n_iter):
        x = x - f(float(x[0])) / fprime(float(x[0]))
    return x


one_entry_array.expect = None
