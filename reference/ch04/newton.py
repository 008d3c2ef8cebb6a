"""ch04/newton - solved."""


def newton(f, fprime, x0, n_iter):
    x = x0
    for _ in range(n_iter):
        x = x - f(x) / fprime(x)
    return x
