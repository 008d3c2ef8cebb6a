"""Other correct adam_step solutions: each must pass."""

import math

import numpy as np


def pure_python_per_entry(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    shape = np.shape(theta)
    new_theta, new_m, new_v = [], [], []
    for th, g, mi, vi in zip(*(np.asarray(a, dtype=float).ravel().tolist()
                               for a in (theta, grad, m, v))):
        mi = beta1 * mi + (1 - beta1) * g
        vi = beta2 * vi + (1 - beta2) * g * g
        m_hat = mi / (1 - beta1 ** t)
        v_hat = vi / (1 - beta2 ** t)
        new_theta.append(th - lr * m_hat / (math.sqrt(v_hat) + eps))
        new_m.append(mi)
        new_v.append(vi)
    return tuple(np.array(a, dtype=float).reshape(shape) for a in (new_theta, new_m, new_v))


def in_place_on_copies(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    theta, m, v = theta.copy(), m.copy(), v.copy()
    m *= beta1
    m += (1 - beta1) * grad
    v *= beta2
    v += (1 - beta2) * np.square(grad)
    denominator = np.sqrt(v / (1 - beta2 ** t))
    denominator += eps
    theta -= lr * (m / (1 - beta1 ** t)) / denominator
    return theta, m, v


def papers_efficient_form(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    # Kingma & Ba, section 2: fold both corrections into the step size; eps scales with them
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad * grad
    correction = math.sqrt(1 - beta2 ** t)
    step_size = lr * correction / (1 - beta1 ** t)
    return theta - step_size * m / (np.sqrt(v) + eps * correction), m, v


def as_a_list(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    import numpy as np

    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad * grad
    theta = theta - lr * (m / (1 - beta1**t)) / (np.sqrt(v / (1 - beta2**t)) + eps)
    return [theta, m, v]
