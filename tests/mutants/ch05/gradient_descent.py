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


def stops_past_a_bound(grad, x0, lr, n_steps):
    import numpy as np

    x = x0
    for _ in range(n_steps):
        if np.max(np.abs(x)) > 1e12:  # "it has diverged": a stopping rule the contract rules out
            break
        x = x - lr * grad(x)
    return x


stops_past_a_bound.expect = "cut short or clipped"


def clips_the_iterates(grad, x0, lr, n_steps):
    import numpy as np

    x = x0
    for _ in range(n_steps):
        x = np.clip(x - lr * grad(x), -1e100, 1e100)
    return x if np.ndim(x) else float(x)


clips_the_iterates.expect = "cut short or clipped"


def clips_the_gradient(grad, x0, lr, n_steps):
    import numpy as np

    x = x0
    for _ in range(n_steps):
        g = np.clip(grad(x), -1e200, 1e200)
        x = x - lr * g
    return x if np.ndim(x) else float(x)


clips_the_gradient.expect = "cut short or clipped"


def array_for_a_float_x0(grad, x0, lr, n_steps):
    import numpy as np

    x = np.atleast_1d(np.array(x0, dtype=float))  # a float x0 comes back as a 1-entry array
    for _ in range(n_steps):
        x = x - lr * (grad(x) if x.size > 1 else grad(float(x[0])))
    return x


array_for_a_float_x0.expect = None
