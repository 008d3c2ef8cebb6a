"""Hidden checks for ch07/grad_check.

Oracle: the contract's formula, evaluated here with its own loop over np.ndindex on copies of
x; the common wrong formulas (forward differences, dividing by h, max-norms, no +1e-12, ...)
are evaluated the same way to name a mistake.
"""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from pytest_numkata.checking import call, expect_close, labelled

RTOL = 1e-9
ATOL = 1e-13
DEFAULT_H = 1e-6


# ------------------------------------------------------------------ test functions and gradients

def _labelled(label, fn):
    return labelled(fn, label)


_SUM_SIN = _labelled("f(x) = sum(sin(x))", lambda x: float(np.sum(np.sin(x))))
_QUADRATIC = _labelled("f(x) = sum(x**2) / 2 + sum(x)", lambda x: float(np.sum(x * x) / 2 + np.sum(x)))
_LOG_SUM_EXP = _labelled("f(x) = log(sum(exp(x)))", lambda x: float(np.log(np.sum(np.exp(x)))))
_MIXED = _labelled("f(x) = sum(x**3) + sum(x)**2", lambda x: float(np.sum(x**3) + np.sum(x) ** 2))

_GRADIENTS = {
    _SUM_SIN: lambda x: np.cos(x),
    _QUADRATIC: lambda x: x + 1.0,
    _LOG_SUM_EXP: lambda x: np.exp(x - np.max(x)) / np.sum(np.exp(x - np.max(x))),
    _MIXED: lambda x: 3 * x**2 + 2 * np.sum(x),
}
_FUNCTIONS = tuple(_GRADIENTS)


def _grad(f, x):
    return np.asarray(_GRADIENTS[f](x), dtype=np.float64) * np.ones_like(x)


def _least_squares(W0):
    """f(W) = ||W v - y||**2 / 2 for a fixed v, y; gradient (W v - y) v^T."""
    rng = np.random.default_rng(7)
    v = rng.normal(size=W0.shape[1])
    y = rng.normal(size=W0.shape[0])
    f = _labelled("f(W) = ||W v - y||**2 / 2", lambda W: float(np.sum((W @ v - y) ** 2) / 2))
    return f, np.outer(W0 @ v - y, v)


# ------------------------------------------------------------------ the oracle and its mistakes

def _numeric(f, x, h, kind="central"):
    numeric = np.zeros_like(x)
    fx = f(x) if kind == "forward" else None
    for i in np.ndindex(x.shape):
        plus, minus = x.copy(), x.copy()
        plus[i] += h
        minus[i] -= h
        if kind == "central":
            numeric[i] = (f(plus) - f(minus)) / (2 * h)
        elif kind == "over h":
            numeric[i] = (f(plus) - f(minus)) / h
        else:
            numeric[i] = (f(plus) - fx) / h
    return numeric


def _two(v):
    return float(np.linalg.norm(np.ravel(v)))


def _relative(a, n, norm=_two, tiny=1e-12):
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(np.float64(norm(a - n)) / np.float64(norm(a) + norm(n) + tiny))


def _expected(f, x, a, h):
    return _relative(a, _numeric(f, x, h), _two)


def _mistakes(f, x, a, h):
    """Wrong formulas, each a thunk evaluated only once a check has failed."""

    def thunk(compute):
        return lambda got: got is not None and _close(got, compute())

    def max_norm(v):
        return float(np.max(np.abs(v)))

    def one_norm(v):
        return float(np.sum(np.abs(v)))

    def matrix_norm(v):
        v = np.asarray(v)
        return float(np.linalg.norm(v, 2)) if v.ndim == 2 else _two(v)

    n = lambda: _numeric(f, x, h)  # noqa: E731
    return {
        "forward differences (f(x + h e_i) - f(x)) / h: the contract asks for central "
        "differences (f(x + h e_i) - f(x - h e_i)) / 2h":
            thunk(lambda: _relative(a, _numeric(f, x, h, "forward"))),
        "the central difference was divided by h instead of 2h":
            thunk(lambda: _relative(a, _numeric(f, x, h, "over h"))),
        "the +1e-12 is missing from the denominator (it matters when the gradients are tiny "
        "or zero)": thunk(lambda: _relative(a, n(), tiny=0.0)),
        "max-norm (largest absolute entry) used: the contract's norm is the 2-norm over all "
        "entries": thunk(lambda: _relative(a, n(), max_norm)),
        "1-norm (sum of absolute values) used: the contract's norm is the 2-norm over all "
        "entries": thunk(lambda: _relative(a, n(), one_norm)),
        "np.linalg.norm(M, 2) is the matrix 2-norm (largest singular value): the contract's "
        "norm runs over all entries (Frobenius for 2-D)": thunk(lambda: _relative(a, n(), matrix_norm)),
        "the denominator is norm(a) + norm(n) + 1e-12, not max(norm(a), norm(n), ...)":
            thunk(lambda: float(_two(a - n()) / max(_two(a), _two(n()), 1e-8))),
        "the error was not divided by the norms: that is the absolute error norm(a - n)":
            thunk(lambda: _two(a - n())),
    }


def _close(got, value):
    try:
        got = float(got)
    except (TypeError, ValueError):
        return False
    if np.isnan(value) or np.isnan(got):
        return bool(np.isnan(value) and np.isnan(got))
    return abs(got - value) <= ATOL + RTOL * abs(value)


def _check(kata, f, x, a, h=None):
    x = np.asarray(x, dtype=np.float64)
    a = np.asarray(a, dtype=np.float64)
    used_h = DEFAULT_H if h is None else h
    args = (f, x, a) if h is None else (f, x, a, h)
    got = call(kata.grad_check, *args, unchanged=True)
    expect_close(got, _expected(f, x, a, used_h), rtol=RTOL, atol=ATOL,
                 mistakes=_mistakes(f, x, a, used_h))


# ------------------------------------------------------------------ checks

def matches_for_correct_gradients(kata):
    rng = np.random.default_rng(0)
    for f in _FUNCTIONS:
        x = rng.uniform(-1.5, 1.5, size=5)
        _check(kata, f, x, _grad(f, x))


def matches_for_wrong_gradients(kata):
    rng = np.random.default_rng(1)
    x = rng.uniform(-1.5, 1.5, size=6)
    g = _grad(_SUM_SIN, x)
    _check(kata, _SUM_SIN, x, -g)                       # sign flipped: about 1
    _check(kata, _SUM_SIN, x, 2 * g)                    # factor 2 wrong
    _check(kata, _QUADRATIC, x, x)                      # the + 1 forgotten
    _check(kata, _MIXED, x, 3 * x**2)                   # the sum(x)**2 term forgotten
    wrong = _grad(_LOG_SUM_EXP, x)
    wrong[2] += 1e-3                                   # one entry slightly off
    _check(kata, _LOG_SUM_EXP, x, wrong)


def matches_at_several_steps(kata):
    rng = np.random.default_rng(2)
    x = rng.uniform(-1.0, 1.0, size=4)
    for f in (_SUM_SIN, _MIXED):
        for h in (1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8):
            _check(kata, f, x, _grad(f, x), h)
            _check(kata, f, x, _grad(f, x) * 1.01, h)


def uses_h_equal_1e_minus_6_by_default(kata):
    x = np.array([0.3, -1.2, 2.0])
    _check(kata, _MIXED, x, _grad(_MIXED, x))
    _check(kata, _SUM_SIN, x, np.zeros(3))


def handles_2d_arrays(kata):
    rng = np.random.default_rng(3)
    W = rng.normal(size=(3, 4))
    f, g = _least_squares(W)
    _check(kata, f, W, g)
    _check(kata, f, W, g.T.reshape(W.shape))           # a transposed-and-reshaped bug
    _check(kata, f, W, 2 * g, 1e-4)
    for fn in (_SUM_SIN, _MIXED):
        _check(kata, fn, W, _grad(fn, W))


def handles_arrays_of_three_dimensions(kata):
    x = np.random.default_rng(4).uniform(-1, 1, size=(2, 3, 2))
    _check(kata, _SUM_SIN, x, _grad(_SUM_SIN, x))
    _check(kata, _QUADRATIC, x, x)


def handles_a_single_entry_and_a_0d_array(kata):
    for x in (np.array([0.7]), np.array(0.7), np.array([[-1.3]])):
        _check(kata, _SUM_SIN, x, _grad(_SUM_SIN, x))
        _check(kata, _MIXED, x, _grad(_MIXED, x) + 0.5)


def zero_gradients_give_zero(kata):
    constant = _labelled("f(x) = 3.0", lambda x: 3.0)
    for x in (np.zeros(3), np.ones((2, 2)), np.array(1.5)):
        _check(kata, constant, x, np.zeros_like(x))


def tiny_gradients_meet_the_1e_minus_12(kata):
    tiny = _labelled("f(x) = 1e-13 * sum(x)", lambda x: 1e-13 * float(np.sum(x)))
    x = np.array([0.5, -0.25, 1.0, 2.0])
    _check(kata, tiny, x, np.zeros(4))                 # numeric ~ 1e-13: the 1e-12 decides
    _check(kata, tiny, x, np.full(4, 1e-13))
    _check(kata, tiny, x, np.array([1e-13, 0.0, 0.0, 3e-13]))


def leaves_x_and_the_gradient_unchanged(kata):
    x = np.array([[0.1, 0.7, -0.3], [1.1, 2.9, -5.7]])
    for h in (1e-6, 3e-5, 0.1):
        call(kata.grad_check, _SUM_SIN, x, np.cos(x), h, unchanged=True)


_SHAPES = ((), (1,), (2,), (5,), (2, 2), (2, 3), (1, 4), (2, 1, 2))


@given(st.sampled_from(_FUNCTIONS), st.sampled_from(_SHAPES), st.integers(0, 2**32 - 1),
       st.sampled_from((1e-3, 1e-4, 1e-5, 1e-6, 1e-7)),
       st.sampled_from((0.0, 1e-6, 1e-3, 0.5)))
def matches_the_formula_for_any_shape_step_and_gradient(kata, f, shape, seed, h, error):
    rng = np.random.default_rng(seed)
    x = rng.uniform(-2.0, 2.0, size=shape)
    a = _grad(f, x) + error * rng.normal(size=shape)
    _check(kata, f, x, a, h)
