"""Hidden checks for ch04/zero_derivative.

Oracle: the guarded Newton iteration run in the check itself, in the same arithmetic as the
learner's (Python floats or NumPy float64), recording whether it ends at a root, at
max_iter, or at a flat tangent.
"""

import math
import warnings

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from pytest_numkata.checking import LearnerCrash, call, describe_call, expect_close, fail, labelled

RTOL = 1e-12
FLAT = 1e-12

NOT_ARITHMETIC = ("{name} is not an ArithmeticError: raise ZeroDivisionError (or another "
                  "ArithmeticError subclass) at a flat tangent")
NAN_OR_INF = ("divided by a zero derivative: with NumPy floats x / 0.0 gives inf or nan instead of "
              "raising - test abs(fprime(x)) < 1e-12 before dividing")
RETURNED_X = ("returned x at the flat tangent: the caller would take it for a root - raise an "
              "ArithmeticError instead")
TINY = ("stepped with a tiny derivative (abs(fprime(x)) < 1e-12): the step is enormous and "
        "nothing raised - raise an ArithmeticError instead of dividing")
SLOPE_FIRST = ("checked the slope before the tolerance: an iterate with abs(f(x)) < tol is "
               "returned even where fprime(x) is 0")


def _oracle(f, fprime, x0, tol=1e-12, max_iter=100, *, steps=None):
    """('root', x) | ('max_iter', x) | ('flat', x): where the guarded iteration ends."""
    x = x0
    for _ in range(max_iter if steps is None else steps):
        fx = f(x)
        if abs(fx) < tol:
            return "root", x
        d = fprime(x)
        if abs(d) < FLAT:
            return "flat", x
        x = x - fx / d
    return "max_iter", x


def _run(kata, *args, **kwargs):
    """Call newton_solve quietly (the shipped bug warns about dividing by zero)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return call(kata.newton_solve, *args, **kwargs)


def _expect_flat_tangent_error(kata, f, fprime, x0, **kwargs):
    kind, at = _oracle(f, fprime, x0, **kwargs)
    assert kind == "flat", "check setup: this problem must meet a flat tangent"
    try:
        got = _run(kata, f, fprime, x0, **kwargs)
    except LearnerCrash as crash:
        if isinstance(crash.error, ArithmeticError):
            return
        fail(f"{crash.description}\n  raised {type(crash.error).__name__}: {crash.error}\n"
             f"  expected an ArithmeticError (the tangent is flat at x = {at!r})\n"
             f"  likely mistake: {NOT_ARITHMETIC.format(name=type(crash.error).__name__)}")
    try:
        value = float(got)
    except (TypeError, ValueError):
        value = None
    if value is None:
        mistake = None
    elif not math.isfinite(value):
        mistake = NAN_OR_INF
    elif value == float(at):
        mistake = RETURNED_X
    else:
        mistake = TINY
    lines = [describe_call(kata.newton_solve, (f, fprime, x0), kwargs),
             f"  returned  {got!r}",
             f"  expected  an ArithmeticError: fprime({at!r}) = {fprime(at)!r} has abs < 1e-12"]
    if mistake:
        lines.append(f"  likely mistake: {mistake}")
    fail("\n".join(lines))


def _expect_result(kata, f, fprime, x0, **kwargs):
    kind, expected = _oracle(f, fprime, x0, **kwargs)
    assert kind != "flat", "check setup: this problem must not meet a flat tangent"
    try:
        got = _run(kata, f, fprime, x0, **kwargs)
    except LearnerCrash as crash:
        lines = [f"{crash.description}\n  raised {type(crash.error).__name__}: {crash.error}",
                 f"  expected  {expected!r}"]
        if isinstance(crash.error, ArithmeticError):
            if abs(f(x0)) < kwargs.get("tol", 1e-12):
                lines.append(f"  likely mistake: {SLOPE_FIRST}")
            else:
                lines.append("  likely mistake: gave up although no slope along the way had "
                             "abs(fprime(x)) < 1e-12")
        fail("\n".join(lines))
    tol = kwargs.get("tol", 1e-12)
    max_iter = kwargs.get("max_iter", 100)
    mistakes = {}
    if kind == "root":
        mistakes["took a step past the first iterate that met the tolerance: test abs(f(x)) < tol "
                 "before stepping"] = lambda g: abs(f(g)) < tol and not math.isclose(g, expected, rel_tol=RTOL)
    else:
        mistakes["one step too many: max_iter steps, then return the last iterate"] = \
            _oracle(f, fprime, x0, tol, steps=max_iter + 1)[1]
        if max_iter >= 1:
            mistakes["one step too few: max_iter steps, then return the last iterate"] = \
                _oracle(f, fprime, x0, tol, steps=max_iter - 1)[1]
    expect_close(got, expected, rtol=RTOL, mistakes=mistakes)


def _sqrt_problem(a, kind=float):
    a = kind(a)
    return (labelled(lambda x: x * x - a, f"lambda x: x*x - {float(a)!r}"),
            labelled(lambda x: 2 * x, "lambda x: 2*x"))


def _cubic():
    # from x0 = 2 the first step lands exactly on x = 1, where f'(1) = 3 - 3 = 0 and f(1) = 5
    return (labelled(lambda x: x**3 - 3 * x + 7, "lambda x: x**3 - 3*x + 7"),
            labelled(lambda x: 3 * x**2 - 3, "lambda x: 3*x**2 - 3"))


def raises_at_a_zero_derivative_with_python_floats(kata):
    f, fp = _sqrt_problem(4.0)
    _expect_flat_tangent_error(kata, f, fp, 0.0)
    g, gp = _cubic()
    _expect_flat_tangent_error(kata, g, gp, 2.0)


def raises_at_a_zero_derivative_with_numpy_floats(kata):
    f, fp = _sqrt_problem(4.0, np.float64)
    _expect_flat_tangent_error(kata, f, fp, np.float64(0.0))
    g, gp = _cubic()
    _expect_flat_tangent_error(kata, g, gp, np.float64(2.0))


def raises_at_a_tiny_derivative(kata):
    for s in (1e-13, -5e-13, 1e-15):
        for kind in (float, np.float64):
            slope = kind(s)
            f = labelled(lambda x, s=slope: s * x + 1.0, f"lambda x: {s!r}*x + 1.0")
            fp = labelled(lambda x, s=slope: s, f"lambda x: {s!r}")
            _expect_flat_tangent_error(kata, f, fp, kind(0.0))


# integer-valued strategies (scaled) shrink fast when a failure is found
@given(st.integers(-99, 99), st.integers(-1000, 1000), st.booleans())
def raises_whenever_the_slope_is_below_1e_12(kata, s, x0, use_numpy):
    s, x0 = s * 1e-14, x0 / 10
    kind = np.float64 if use_numpy else float
    slope, start = kind(s), kind(x0)
    f = labelled(lambda x: slope * (x - start) + 1.0, f"lambda x: {s!r}*(x - {x0!r}) + 1.0")
    fp = labelled(lambda x: slope, f"lambda x: {s!r}")
    _expect_flat_tangent_error(kata, f, fp, start)


def converges_to_a_root(kata):
    f, fp = _sqrt_problem(2.0)
    _expect_result(kata, f, fp, 1.0)
    g, gp = _sqrt_problem(2.0, np.float64)
    _expect_result(kata, g, gp, np.float64(1.0))
    h = labelled(lambda x: math.cos(x), "math.cos")
    hp = labelled(lambda x: -math.sin(x), "lambda x: -math.sin(x)")
    _expect_result(kata, h, hp, 1.0)


def returns_the_first_iterate_within_tol(kata):
    f, fp = _sqrt_problem(2.0)
    for tol in (1e-1, 1e-2, 1e-5):
        _expect_result(kata, f, fp, 1.0, tol=tol)


def keeps_going_on_a_small_but_safe_slope(kata):
    f = labelled(lambda x: 1e-10 * (x - 3.0), "lambda x: 1e-10*(x - 3.0)")
    fp = labelled(lambda x: 1e-10, "lambda x: 1e-10")
    _expect_result(kata, f, fp, 0.0, tol=1e-30)


def steps_on_a_slope_of_exactly_1e_12(kata):
    # rule 2 raises only when abs(fprime(x)) < 1e-12: a slope of exactly 1e-12 takes its step
    f = labelled(lambda x: 1e-12 * (x - 5.0), "lambda x: 1e-12*(x - 5.0)")
    fp = labelled(lambda x: 1e-12, "lambda x: 1e-12")
    assert abs(fp(0.0)) == FLAT and abs(f(0.0)) >= 1e-12
    _expect_result(kata, f, fp, 0.0)


def steps_when_abs_f_equals_tol(kata):
    # rule 1 returns only when abs(f(x)) < tol: at abs(f(x)) == tol the step is still taken
    f = labelled(lambda x: x, "lambda x: x")
    fp = labelled(lambda x: 1.0, "lambda x: 1.0")
    for tol in (1e-12, 0.25):
        assert abs(f(tol)) == tol
        kind, expected = _oracle(f, fp, tol, tol=tol)
        got = _run(kata, f, fp, tol, tol=tol)
        expect_close(got, expected, rtol=RTOL, mistakes={
            "returned an iterate with abs(f(x)) equal to tol: the test is strict, "
            "abs(f(x)) < tol": tol})


def returns_a_root_even_where_the_tangent_is_flat(kata):
    f = labelled(lambda x: x * x, "lambda x: x*x")
    fp = labelled(lambda x: 2 * x, "lambda x: 2*x")
    _expect_result(kata, f, fp, 0.0)
    _expect_result(kata, f, fp, np.float64(0.0))


def returns_the_last_iterate_after_max_iter(kata):
    # x*x + 1 has no real root: the iterates wander for ever and never meet the tolerance
    f, fp = _sqrt_problem(-1.0)
    for max_iter in (0, 1, 3, 6):
        _expect_result(kata, f, fp, 0.5, max_iter=max_iter)


@given(st.integers(1, 400), st.integers(1, 500))
def finds_square_roots(kata, a, x0):
    a, x0 = a / 4, x0 / 10
    f, fp = _sqrt_problem(a)
    _expect_result(kata, f, fp, x0)
