"""Other correct newton solutions: each must pass."""


def while_loop(f, fprime, x0, n_iter):
    x = float(x0)
    k = 0
    while k < n_iter:
        x = x - f(x) / fprime(x)
        k += 1
    return x


def recursive(f, fprime, x0, n_iter):
    if n_iter == 0:
        return x0
    return recursive(f, fprime, x0 - f(x0) / fprime(x0), n_iter - 1)


def stops_when_exactly_zero(f, fprime, x0, n_iter):
    x = x0
    for _ in range(n_iter):
        fx = f(x)
        if fx == 0.0:
            break
        dx = fx / fprime(x)
        x -= dx
    return float(x)
