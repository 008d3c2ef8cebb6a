"""ch05/gradient_descent - solved."""


def gradient_descent(grad, x0, lr, n_steps):
    x = x0
    for _ in range(n_steps):
        x = x - lr * grad(x)  # a new value each step: x0 itself is never touched
    return x
