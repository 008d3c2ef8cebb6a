"""Hidden checks for ch04/newton.

Oracle: the Newton steps written out (or looped) in the check itself, in the same float
arithmetic; mpmath for the errors of the convergence checks.
"""

import math

import mpmath
from hypothesis import given
from hypothesis import strategies as st

from pytest_numkata.checking import call, expect, expect_close, is_close, labelled

RTOL = 1e-12


def _iterates(f, fprime, x0, n, *, sign=-1, chord=False):
    """x0, x1, ..., xn of Newton's method (or of a common wrong variant)."""
    xs = [x0]
    x = x0
    d0 = fprime(x0)
    for _ in range(n):
        fx = f(x)
        x = x + sign * fx / (d0 if chord else fprime(x))
        xs.append(x)
    return xs


def _variant(f, fprime, x0, n, **how):
    """The n-th iterate of a wrong variant, or nan where that variant blows up."""
    try:
        return _iterates(f, fprime, x0, n, **how)[n]
    except (ArithmeticError, ValueError):
        return math.nan


def _mistakes(f, fprime, x0, n):
    xs = _iterates(f, fprime, x0, n + 1)
    out = {"one Newton step too many: the loop ran n_iter + 1 times": xs[n + 1]}
    if n >= 1:
        out["one Newton step too few: the loop ran n_iter - 1 times"] = xs[n - 1]
        out["the step has the wrong sign: Newton subtracts f(x)/fprime(x)"] = \
            _variant(f, fprime, x0, n, sign=+1)
    if n >= 2:
        out["fprime was evaluated only once, at x0: evaluate it at the current iterate in every step"] = \
            _variant(f, fprime, x0, n, chord=True)
    return out


def _check(kata, f, fprime, x0, n, diagnose=True):
    expected = _iterates(f, fprime, x0, n)[n]
    got = call(kata.newton, f, fprime, x0, n)
    if not is_close(got, expected, RTOL):
        if not diagnose:  # properties stay cheap while hypothesis shrinks a failure
            expect_close(got, expected, rtol=RTOL)
        expect_close(got, expected, rtol=RTOL, mistakes=_mistakes(f, fprime, x0, n))


def _sqrt_problem(a):
    return (labelled(lambda x: x * x - a, f"lambda x: x*x - {a!r}"),
            labelled(lambda x: 2 * x, "lambda x: 2*x"))


def returns_x0_after_zero_steps(kata):
    f, fp = _sqrt_problem(2.0)
    for x0 in (1.0, 3.7, -250.0):
        _check(kata, f, fp, x0, 0)


def matches_the_steps_written_out(kata):
    f, fp = _sqrt_problem(2.0)
    x0 = 1000.0  # far from the root: every step still moves x a lot
    x1 = x0 - f(x0) / fp(x0)
    x2 = x1 - f(x1) / fp(x1)
    x3 = x2 - f(x2) / fp(x2)
    x4 = x3 - f(x3) / fp(x3)
    for n, expected in ((1, x1), (2, x2), (3, x3), (4, x4)):
        got = call(kata.newton, f, fp, x0, n)
        expect_close(got, expected, rtol=RTOL, mistakes=_mistakes(f, fp, x0, n))


def takes_exactly_n_iter_steps(kata):
    f, fp = _sqrt_problem(2.0)
    for n in (5, 8, 12):
        _check(kata, f, fp, 1000.0, n)


def stops_changing_once_f_is_exactly_zero(kata):
    f = labelled(lambda x: 3.0 * x - 6.0, "lambda x: 3.0*x - 6.0")
    fp = labelled(lambda x: 3.0, "lambda x: 3.0")
    for n in (1, 2, 7):
        got = call(kata.newton, f, fp, 0.0, n)
        expect_close(got, 2.0, rtol=RTOL, mistakes=_mistakes(f, fp, 0.0, n))
    g, gp = _sqrt_problem(4.0)
    for n in (0, 1, 5):
        expect_close(call(kata.newton, g, gp, 2.0, n), 2.0, rtol=RTOL)


def keeps_stepping_while_f_is_tiny_but_not_zero(kata):
    # "only then": however small a non-zero f(x) is - here down to about 1e-303, still a normal
    # float - it gets its step, so no threshold on abs(f(x)) may end the loop
    for scale in (1e-12, 1e-305):
        f = labelled(lambda x, s=scale: s * (x * x - 2.0), f"lambda x: {scale!r} * (x*x - 2.0)")
        fp = labelled(lambda x, s=scale: 2 * s * x, f"lambda x: {2 * scale!r} * x")
        x0, n = 1000.0, 6
        xs = _iterates(f, fp, x0, n)
        assert all(f(x) != 0.0 for x in xs)
        mistakes = {
            "stopped early although f(x) was not exactly 0: only f(x) == 0.0 may end the loop "
            "early, a small f(x) still gets its step":
                lambda got, xs=xs: any(math.isclose(got, v, rel_tol=RTOL) for v in xs[:n]),
            **_mistakes(f, fp, x0, n),
        }
        expect_close(call(kata.newton, f, fp, x0, n), xs[n], rtol=RTOL, mistakes=mistakes)


def works_with_math_functions(kata):
    f = labelled(lambda x: math.cos(x), "math.cos")
    fp = labelled(lambda x: -math.sin(x), "lambda x: -math.sin(x)")
    for n in (1, 3, 6):
        _check(kata, f, fp, 1.0, n)
    expect_close(call(kata.newton, f, fp, 1.0, 6), math.pi / 2, rtol=RTOL)


def _errors(xs, a):
    with mpmath.workdps(40):
        root = mpmath.sqrt(a)
        return [float(mpmath.mpf(x) - root) for x in xs]


def converges_quadratically_on_a_square_root(kata):
    a = 10.0
    f, fp = _sqrt_problem(a)
    xs = [float(call(kata.newton, f, fp, 10.0, k)) for k in range(7)]
    e = _errors(xs, a)
    limit = 1 / (2 * math.sqrt(a))
    # only steps whose error is far above rounding (and above the 1e-12 the contract allows)
    ratios = [e[k + 1] / e[k] ** 2 for k in range(6) if e[k + 1] > 1e-9]
    expect(len(ratios) >= 3, f"iterates after 0..6 steps from 10.0: {xs} - their errors do not shrink "
                             "like Newton's (each about the square of the last)")
    for k, r in enumerate(ratios):
        expect(math.isclose(r, 1 / (2 * xs[k]), rel_tol=1e-2),
               f"iterates after 0..6 steps from 10.0: {xs}\n  e_{k + 1}/e_{k}**2 = {r:.6g}, but Newton's "
               f"step on x*x - a gives exactly 1/(2 x_{k}) = {1 / (2 * xs[k]):.6g}")
    expect(math.isclose(ratios[-1], limit, rel_tol=0.02),
           f"e_(k+1)/e_k**2 should approach 1/(2 sqrt(a)) = {limit:.6g}, but the last ratio is {ratios[-1]:.6g}")


# integer-valued strategies (scaled) shrink fast when a failure is found
@given(st.integers(2, 200), st.integers(105, 2000))
def errors_are_squared_at_every_step(kata, a, t):
    a, t = a / 4, t / 100
    f, fp = _sqrt_problem(a)
    root = math.sqrt(a)
    x0 = t * root
    # n steps from x0 are one step from each iterate in turn (the contract's x <- x - f/f'):
    # eight one-step calls, then the eight-step call must land on the same iterate
    xs = [x0]
    for _ in range(8):
        xs.append(float(call(kata.newton, f, fp, xs[-1], 1)))
    whole = float(call(kata.newton, f, fp, x0, 8))
    expect(abs(whole - xs[-1]) <= 1e-12 * abs(xs[-1]),
           f"from x0 = {x0!r} on x*x - {a!r}: newton(f, fprime, x0, 8) returned {whole!r}, but "
           f"eight calls newton(f, fprime, x, 1), each from the last result, end at {xs[-1]!r}")
    e = [x - root for x in xs]
    for k in range(8):
        # room for rounding and for the 1e-12 relative the contract allows in each iterate
        slack = 1e-10 * (xs[k] + root) * xs[k] / root
        bound = e[k] ** 2 / (2 * root) * (1 + 1e-9) + slack
        expect(-slack <= e[k + 1] <= bound,
               f"from x0 = {x0!r} on x*x - {a!r}: the error after {k + 1} steps is {e[k + 1]:.6g}, but one "
               f"Newton step from an error of {e[k]:.6g} leaves at most {bound:.6g} (about e**2 / (2 sqrt(a)))")


@given(st.integers(4, 200), st.integers(100, 1000), st.integers(0, 8))
def matches_the_iteration_on_a_cubic(kata, c, x0, n):
    c, x0 = c / 4, x0 / 100
    f = labelled(lambda x: x**3 - c, f"lambda x: x**3 - {c!r}")
    fp = labelled(lambda x: 3 * x**2, "lambda x: 3*x**2")
    _check(kata, f, fp, x0, n, diagnose=False)
