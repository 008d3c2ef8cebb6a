"""Hidden checks for ch11/adam_step.

Oracle: the update written out below, one line per formula, in float64 (its rounding is far
below the 1e-12 tolerance), plus a convergence property on ||theta||^2.
"""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from pytest_numkata.checking import (LearnerCrash, call, describe_call, expect, expect_close,
                                     is_close)

RTOL = 1e-12
DEFAULTS = dict(lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8)


def _adam(theta, grad, m, v, t, lr, beta1, beta2, eps, *, correct=True, eps_inside=False):
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    m_hat = m / (1 - beta1**t) if correct else m
    v_hat = v / (1 - beta2**t) if correct else v
    denominator = np.sqrt(v_hat + eps) if eps_inside else np.sqrt(v_hat) + eps
    step = lr * m_hat / denominator
    return theta - step, m, v, step, m_hat, v_hat


def _check(kata, theta, grad, m, v, t, **kw):
    hyper = {**DEFAULTS, **kw}
    args = (theta.copy(), grad.copy(), m.copy(), v.copy(), t)
    got = call(kata.adam_step, *args, unchanged=True, **kw)
    expect(isinstance(got, tuple | list) and len(got) == 3,
           f"adam_step should return a tuple (theta, m, v), got {type(got).__name__}")
    new_theta, new_m, new_v, step, m_hat, v_hat = _adam(theta, grad, m, v, t, **hyper)
    atol = RTOL * float(np.abs(step).max())
    if (is_close(got[0], new_theta, RTOL, atol) and is_close(got[1], new_m, RTOL)
            and is_close(got[2], new_v, RTOL)):
        return got
    label = describe_call(kata.adam_step, args, kw)
    no_bias = _adam(theta, grad, m, v, t, **hyper, correct=False)[0]
    inside = _adam(theta, grad, m, v, t, **hyper, eps_inside=True)[0]
    expect_close(got[0], new_theta, rtol=RTOL, atol=atol, what=f"{label}\n  returned theta",
                 mistakes={
                     "bias correction missing: divide m by (1 - beta1**t) and v by "
                     "(1 - beta2**t) before the step": no_bias,
                     "eps inside the square root: the denominator is sqrt(v_hat) + eps, not "
                     "sqrt(v_hat + eps) - it matters when gradients are tiny": inside,
                 })
    expect_close(got[1], new_m, rtol=RTOL, what=f"{label}\n  returned m", mistakes={
        "returned m_hat (bias-corrected): return the moving average m itself, the next step "
        "builds on it": m_hat})
    expect_close(got[2], new_v, rtol=RTOL, what=f"{label}\n  returned v", mistakes={
        "returned v_hat (bias-corrected): return the moving average v itself, the next step "
        "builds on it": v_hat})
    return got


def _state(size, seed, grad_scale=1.0):
    rng = np.random.default_rng(seed)
    theta = rng.normal(size=size)
    grad = rng.normal(size=size) * grad_scale
    m = rng.normal(size=size) * 0.1 * grad_scale
    v = rng.uniform(0, 1, size=size) * grad_scale**2
    return theta, grad, m, v


def first_step_from_zero_moments(kata):
    theta = np.array([1.0, -2.0, 0.5])
    grad = np.array([0.3, -4.0, 1e-3])
    _check(kata, theta, grad, np.zeros(3), np.zeros(3), 1)


def matches_the_update_at_several_steps(kata):
    for t in (1, 2, 10, 1000):
        _check(kata, *_state(5, t), t)


def matches_with_other_hyperparameters(kata):
    _check(kata, *_state(4, 7), 3, lr=0.1, beta1=0.8, beta2=0.99, eps=1e-6)
    _check(kata, *_state((2, 3), 8), 25, lr=0.01)


def keeps_eps_outside_the_square_root_for_tiny_gradients(kata):
    for scale in (1e-10, 1e-12, 1e-15, 1e-20):
        for t in (1, 2, 10, 1000):
            theta, grad, m, v = _state(4, int(-np.log10(scale)) + t, grad_scale=scale)
            _check(kata, np.zeros(4), grad, m, v, t)
            _check(kata, theta * scale, grad, np.zeros(4), np.zeros(4), t)


@given(st.integers(1, 2000), st.integers(0, 2**32 - 1),
       st.sampled_from([1e-20, 1e-12, 1e-6, 1.0, 1e3]))
def matches_the_update_for_random_states(kata, t, seed, scale):
    _check(kata, *_state(3, seed, grad_scale=scale), t)


STEPS = 220  # the update reaches 1e-8 from these starts in 170-175 steps


def converges_on_a_quadratic(kata):
    # Three starts in one run: Adam's update is entry by entry, and so is the gradient of
    # ||theta||^2, so each start's entries follow the very path they would alone (220 calls,
    # not 660); each start's loss is then checked on its own.
    rng = np.random.default_rng(9)
    starts = (np.array([1.0, -0.5, 0.25]), rng.uniform(-1, 1, 4), np.array([0.9]))
    start = np.concatenate(starts)
    theta, m, v = start.copy(), np.zeros_like(start), np.zeros_like(start)
    for t in range(1, STEPS + 1):
        try:  # called directly: describing every call for messages would be slow
            theta, m, v = kata.adam_step(theta, 2 * theta, m, v, t, lr=0.05)
        except Exception as exc:  # noqa: BLE001 - a learner crash is a failed check
            raise LearnerCrash(f"adam_step(theta, 2 * theta, m, v, {t}, lr=0.05) "
                               f"on step {t} from theta = {start}", exc) from exc
        theta, m, v = (np.asarray(a, dtype=float) for a in (theta, m, v))
        expect(theta.shape == start.shape,
               f"adam_step returned theta of shape {theta.shape} for theta of shape "
               f"{start.shape}: the contract keeps the shape")
    at = 0
    for first in starts:
        end = at + len(first)
        loss = float(np.sum(theta[at:end] ** 2))
        expect(loss < 1e-8,
               f"{STEPS} Adam steps with lr = 0.05 on f(theta) = ||theta||^2 from {first} "
               f"should reach the minimum, but f = {loss:.3e} at the end")
        at = end
