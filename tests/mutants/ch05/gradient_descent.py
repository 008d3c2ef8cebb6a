"""Known-buggy gradient_descent solutions. Each must be rejected; `expect` is the named mistake."""


def ascent(grad, x0, lr, n_steps):
    x = x0
    for _ in range(n_steps):
        x = x + lr * grad(x)
    return x


ascent.expect = "wrong sign"


def one_step_too_many(grad, x0, lr, n_steps):
    x = x0
    for _ in range(n_steps + 1):
        x = x - lr * grad(x)
    return x


one_step_too_many.expect = "one step too many"


def one_step_too_few(grad, x0, lr, n_steps):
    x = x0
    for _ in range(1, n_steps):
        x = x - lr * grad(x)
    return x


one_step_too_few.expect = "one step too few"


def updates_x0_in_place(grad, x0, lr, n_steps):
    x = x0
    for _ in range(n_steps):
        x -= lr * grad(x)
    return x


updates_x0_in_place.expect = "in place"


def forgets_the_learning_rate(grad, x0, lr, n_steps):
    x = x0
    for _ in range(n_steps):
        x = x - grad(x)
    return x


forgets_the_learning_rate.expect = "learning rate is missing"


def gradient_only_at_x0(grad, x0, lr, n_steps):
    g = grad(x0)
    x = x0
    for _ in range(n_steps):
        x = x - lr * g
    return x


gradient_only_at_x0.expect = "evaluated only once"


def stops_when_diverging(grad, x0, lr, n_steps):
    import numpy as np

    x = x0
    for _ in range(n_steps):
        new = x - lr * grad(x)
        if np.max(np.abs(new)) > np.max(np.abs(x)):
            break
        x = new
    return x


stops_when_diverging.expect = "stopped when the iterates started to grow"
