"""Hidden checks for ch05/gradient_descent.

Oracles: the closed form x_n = (1 - lr d)**n x0 on quadratic bowls (evaluated in exact
fractions), and the update loop written in the check for other gradients.
"""

import math
from fractions import Fraction

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from pytest_numkata.checking import call, expect, expect_close, is_close, labelled

RTOL = 1e-9


def _loop(grad, x0, lr, n, *, sign=-1, scale=None):
    x = x0
    for _ in range(n):
        x = x + sign * (lr if scale is None else scale) * grad(x)
    return x


def _safely(fn):
    try:
        with np.errstate(all="ignore"):
            return fn()
    except (ArithmeticError, ValueError):
        return math.nan


def _mistakes(grad, x0, lr, n):
    out = {"one step too many: the loop ran n_steps + 1 times": _safely(lambda: _loop(grad, x0, lr, n + 1))}
    if n >= 1:
        out["one step too few: the loop ran n_steps - 1 times"] = _safely(lambda: _loop(grad, x0, lr, n - 1))
        out["the step has the wrong sign: that is gradient ascent - descent subtracts lr * grad(x)"] = \
            _safely(lambda: _loop(grad, x0, lr, n, sign=+1))
        out["the learning rate is missing: the step is lr * grad(x), not grad(x)"] = \
            _safely(lambda: _loop(grad, x0, lr, n, scale=1.0))
    if n >= 2:
        out["the gradient was evaluated only once, at x0: evaluate it at the current x every step"] = \
            _safely(lambda: x0 - n * lr * grad(x0))
    return out


def _closed_form(d, x0, lr, n):
    """x0 * (1 - lr d)**n, entry by entry, from the exact values of the floats given."""
    d, x0 = np.atleast_1d(d), np.atleast_1d(x0)
    lr = Fraction(lr)
    out = [float(Fraction(xi) * (1 - lr * Fraction(di)) ** n) for di, xi in zip(d, x0)]
    return np.array(out)


def _bowl(d):
    """The gradient of sum_i (d_i / 2) x_i**2: x -> d * x."""
    d = np.array(d, dtype=float)
    return labelled(lambda x: d * x, f"lambda x: {d.tolist()} * x")


def _parabola():
    return labelled(lambda x: 2 * x, "lambda x: 2*x")


def _check(kata, grad, x0, lr, n, expected, atol=0.0, diagnose=True):
    # properties leave in-place updates to the example checks (which all pass unchanged=True)
    got = call(kata.gradient_descent, grad, x0, lr, n, unchanged=diagnose)
    if not is_close(got, expected, RTOL, atol):
        if not diagnose:  # properties stay cheap while hypothesis shrinks a failure
            expect_close(got, expected, rtol=RTOL, atol=atol)
        expect_close(got, expected, rtol=RTOL, atol=atol, mistakes=_mistakes(grad, x0, lr, n))
    return got


def returns_x0_after_zero_steps(kata):
    _check(kata, _parabola(), 5.0, 0.1, 0, 5.0)
    x0 = np.array([1.0, -2.0, 3.0])
    _check(kata, _bowl([1.0, 4.0, 0.5]), x0, 0.2, 0, x0.copy())


def matches_the_closed_form_on_a_parabola(kata):
    for n in (1, 2, 5, 12):
        expected = float(_closed_form([2.0], [5.0], 0.1, n)[0])
        _check(kata, _parabola(), 5.0, 0.1, n, expected)


def works_on_1d_arrays(kata):
    d = [1.0, 4.0, 0.5]
    for n in (1, 3, 10):
        x0 = np.array([1.0, -2.0, 3.0])
        _check(kata, _bowl(d), x0, 0.2, n, _closed_form(d, x0, 0.2, n))


def crawls_along_the_flat_axis_of_a_stretched_bowl(kata):
    # f = 100 x**2 + y**2, gradient (200 x, 2 y)
    grad = labelled(lambda p: np.array([200.0 * p[0], 2.0 * p[1]]), "lambda p: np.array([200*p[0], 2*p[1]])")
    for lr in (0.005, 0.002, 0.009):
        for n in (1, 100):
            x0 = np.array([1.0, 1.0])
            _check(kata, grad, x0, lr, n, _closed_form([200.0, 2.0], x0, lr, n), atol=1e-12)


def diverges_above_the_stability_threshold(kata):
    # x**2 has L = 2: lr = 1.1 > 2/L multiplies x by 1 - 2.2 = -1.2 each step
    far = call(kata.gradient_descent, _parabola(), 1.0, 1.1, 8)
    expect_close(far, float(_closed_form([2.0], [1.0], 1.1, 8)[0]), rtol=RTOL, mistakes={
        "stopped when the iterates started to grow: the contract asks for exactly n_steps updates, "
        "and a diverging run returns its grown iterate": lambda g: abs(g) <= 1.0,
        **_mistakes(_parabola(), 1.0, 1.1, 8)})
    got = [float(call(kata.gradient_descent, _parabola(), 1.0, 1.1, n)) for n in range(9)]
    for n, value in enumerate(got):
        expected = float(_closed_form([2.0], [1.0], 1.1, n)[0])
        expect_close(value, expected, rtol=RTOL, mistakes=_mistakes(_parabola(), 1.0, 1.1, n),
                     what=f"gradient_descent(lambda x: 2*x, 1.0, 1.1, {n})")
    expect(all(abs(b) > abs(a) for a, b in zip(got, got[1:])),
           f"above lr = 2/L the iterates must grow in size every step, but after 0..8 steps they are {got}")
    # the stretched bowl: L = 200, so lr = 0.0101 > 0.01 makes the steep axis blow up
    grad = _bowl([200.0, 2.0])
    x0 = np.array([1.0, 1.0])
    expected = _closed_form([200.0, 2.0], x0, 0.0101, 60)
    assert abs(expected[0]) > 1  # the oracle itself: the x coordinate has grown
    _check(kata, grad, x0, 0.0101, 60, expected)


def keeps_going_however_large_the_iterates_grow(kata):
    # "no stopping rule, no clipping": lr = 10 on x**2 multiplies x by -19 each step, so after
    # 230 steps |x| is about 1e294 - still a finite float, and that is what comes back
    cut_short = ("the run was cut short or clipped once the iterates grew large: the contract has "
                 "no stopping rule and no clipping - a diverging run returns its grown iterate")
    for n in (20, 120, 230):
        expected = float(_closed_form([2.0], [1.0], 10.0, n)[0])
        got = call(kata.gradient_descent, _parabola(), 1.0, 10.0, n)
        expect_close(got, expected, rtol=RTOL, mistakes={
            cut_short: lambda g, e=expected: abs(float(g)) < 1e-3 * abs(e),
            **_mistakes(_parabola(), 1.0, 10.0, n)})
    d = [2.0, 1.0]
    x0 = np.array([1.0, -1.0])
    expected = _closed_form(d, x0, 10.0, 200)
    assert np.all(np.isfinite(expected)) and np.max(np.abs(expected)) > 1e250  # the oracle
    got = call(kata.gradient_descent, _bowl(d), x0, 10.0, 200, unchanged=True)
    expect_close(got, expected, rtol=RTOL, mistakes={
        cut_short: lambda g: np.max(np.abs(np.asarray(g, dtype=float))) < 1e-3 * np.max(np.abs(expected)),
        **_mistakes(_bowl(d), x0, 10.0, 200)})


def leaves_an_array_x0_unchanged(kata):
    x0 = np.array([3.0, -1.0])
    call(kata.gradient_descent, _bowl([2.0, 1.0]), x0, 0.1, 4, unchanged=True)


# integer-valued strategies (scaled) shrink fast when a failure is found
@given(
    st.lists(st.tuples(st.integers(1, 100), st.integers(-1000, 1000)), min_size=1, max_size=3),
    st.integers(5, 95),
    st.integers(0, 20),
)
def matches_the_closed_form_on_any_stable_bowl(kata, entries, r, n):
    d = np.array([di / 10 for di, _ in entries])
    x0 = np.array([xi / 100 for _, xi in entries])
    lr = r / 100 * 2 / d.max()  # a fraction r/100 of the stability threshold 2/L
    expected = x0 * (1 - lr * d) ** n  # closed form in floats: a few ulp from the exact value
    atol = 1e-12 * float(np.max(np.abs(x0)))
    _check(kata, _bowl(d), x0, lr, n, expected, atol=atol, diagnose=False)


@given(st.integers(-300, 300), st.integers(1, 100), st.integers(0, 20))
def matches_the_update_loop_on_a_sine(kata, x0, lr, n):
    x0, lr = x0 / 100, lr / 100
    grad = labelled(lambda x: math.cos(x), "math.cos")  # gradient of sin
    _check(kata, grad, x0, lr, n, _loop(grad, x0, lr, n), atol=1e-12, diagnose=False)
