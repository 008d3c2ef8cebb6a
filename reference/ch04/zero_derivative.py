"""ch04/zero_derivative - solved."""


def newton_solve(f, fprime, x0, tol=1e-12, max_iter=100):
    x = x0
    for _ in range(max_iter):
        fx = f(x)
        if abs(fx) < tol:
            return x
        d = fprime(x)
        # NumPy floats give inf/nan on division by zero, and a tiny slope gives a huge step:
        # neither raises, so the guard must be explicit.
        if abs(d) < 1e-12:
            raise ZeroDivisionError(f"Newton's method stalled: fprime({x!r}) = {d!r} is (nearly) zero")
        x = x - fx / d
    return x
