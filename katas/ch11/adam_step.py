"""ch11/adam_step - one Adam update, with the bias correction (Build).

Adam keeps two exponential moving averages, of the gradient and of its square, both starting
at zero: m_t = beta1 m_{t-1} + (1 - beta1) g_t. Unrolled, m_t = (1 - beta1) sum_i beta1^(t-i) g_i,
and for a constant gradient g the geometric series sums to m_t = g (1 - beta1^t): early on
the average is biased towards 0. Dividing by (1 - beta^t) removes exactly that bias. At t = 1
it matters a lot (m_1 = 0.1 g with beta1 = 0.9); by t = 1000 it hardly matters.

The update (Kingma & Ba), with t >= 1 the number of this step:

    m     <- beta1 * m + (1 - beta1) * g
    v     <- beta2 * v + (1 - beta2) * g**2
    m_hat  = m / (1 - beta1**t)
    v_hat  = v / (1 - beta2**t)
    theta <- theta - lr * m_hat / (sqrt(v_hat) + eps)

eps goes outside the square root. That matters for tiny gradients: with g = 1e-12,
sqrt(v_hat) is about 1e-12 and eps = 1e-8 dominates the denominator.

A practical note the source notebook gets wrong: each Adam step moves a coordinate by about
lr at most, so from theta = 3 with lr = 0.01, 200 steps cannot reach the minimum at 0 of
||theta||^2 (the loss is still about 2 after them). With lr = 0.05 and 300 steps from a start
in [-1, 1] it gets there.

Contract
--------
adam_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8) -> tuple
    theta, grad, m, v are float NumPy arrays of one shape; t is an int >= 1. Returns a tuple
    (new_theta, new_m, new_v) of new arrays of that shape (a list of the three is accepted
    too): the update above, the returned m and v being the moving averages themselves (not
    m_hat, v_hat). new_m and new_v are within
    1e-12 relative of the exact update, new_theta within 1e-12 relative or 1e-12 times the
    largest step lr * |m_hat / (sqrt(v_hat) + eps)| absolute, for gradients from 1e-20 up to
    1e3 in size. The inputs are not modified.

Stuck? `numkata hint ch11/adam_step` shows one hint at a time.
"""

import numpy as np


def adam_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    raise NotImplementedError
