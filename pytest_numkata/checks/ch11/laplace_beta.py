"""Hidden checks for ch11/laplace_beta.

Oracle, independent of the closed forms: a golden-section search in float64 maximises the Beta
log density for a start, mpmath (20 digits) polishes the mode as the root of the numerical
first derivative of the log density (its definition), and takes the numerical second
derivative there. A second, coarser cross-check takes a central second difference of the
normalised float64 log density (math.lgamma for the Beta function) at the mode.

(scipy.stats and scipy.optimize would do the float64 parts too, but importing them costs
over a second per run; the search and the difference are a few lines.)
"""

import math

import mpmath
from hypothesis import given
from hypothesis import strategies as st

from pytest_numkata.checking import call, expect, expect_close, fail

RTOL = 1e-9
_GOLDEN = (math.sqrt(5) - 1) / 2


def _log_density(t, a, b):
    """log of the Beta(a, b) density at t in (0, 1), normalised, in float64."""
    log_beta = math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)
    return (a - 1) * math.log(t) + (b - 1) * math.log1p(-t) - log_beta


def _golden_section_argmax(f, lo, hi, tol=1e-12):
    """The maximiser of a unimodal f on [lo, hi], to within tol."""
    x1, x2 = hi - _GOLDEN * (hi - lo), lo + _GOLDEN * (hi - lo)
    f1, f2 = f(x1), f(x2)
    while hi - lo > tol:
        if f1 < f2:
            lo, x1, f1 = x1, x2, f2
            x2 = lo + _GOLDEN * (hi - lo)
            f2 = f(x2)
        else:
            hi, x2, f2 = x2, x1, f1
            x1 = hi - _GOLDEN * (hi - lo)
            f1 = f(x1)
    return (lo + hi) / 2


def _oracle(a, b):
    with mpmath.workdps(20):
        A, B = mpmath.mpf(a), mpmath.mpf(b)

        def logpdf(t):
            # log density up to its constant -log B(a, b), which moves neither the mode nor
            # the curvature (and costs a Beta function per derivative evaluation)
            return (A - 1) * mpmath.log(t) + (B - 1) * mpmath.log(1 - t)

        def slope(t):
            return mpmath.diff(logpdf, t)

        # a float64 search for a start (good to ~1e-12), then slope(t) = 0 polished by the
        # secant method, which from there converges in a few steps (findroot verifies the
        # root and raises if it did not converge)
        start = _golden_section_argmax(lambda t: _log_density(t, a, b), 1e-12, 1 - 1e-12)
        start = mpmath.mpf(start)
        mode = mpmath.findroot(slope, (start, start * (1 + mpmath.mpf(10) ** -9)),
                               solver="secant", tol=mpmath.mpf(10) ** -30)
        curvature = mpmath.diff(logpdf, mode, 2)
        return float(mode), float(-1 / curvature)


def _difference_variance(a, b, mode):
    h = 1e-4 * min(mode, 1 - mode)
    f = lambda t: _log_density(t, a, b)  # noqa: E731
    return -1.0 / ((f(mode + h) - 2 * f(mode) + f(mode - h)) / h**2)


def _check(kata, a, b):
    got = call(kata.laplace_beta, a, b)
    if not (isinstance(got, tuple | list) and len(got) == 2):
        fail(f"laplace_beta({a!r}, {b!r}) should return a pair (mode, variance), "
             f"got {got!r}")
    mode, var = _oracle(a, b)
    beta_var = a * b / ((a + b) ** 2 * (a + b + 1))
    expect_close(got[0], mode, rtol=RTOL, what=f"laplace_beta({a!r}, {b!r})[0] (the mode)",
                 mistakes={"that is the mean a / (a + b) of the Beta, not its mode "
                           "(a - 1) / (a + b - 2), where the density peaks": a / (a + b)})
    expect_close(got[1], var, rtol=RTOL, what=f"laplace_beta({a!r}, {b!r})[1] (the variance)",
                 mistakes={
                     "a negative variance: the second derivative of log p is negative at the "
                     "peak, so the variance is -1 / (log p)'', not 1 / (log p)''": -var,
                     "that is the variance of the Beta itself, a b / ((a+b)^2 (a+b+1)); the "
                     "Laplace variance matches the curvature at the mode": beta_var,
                     "the curvature was not inverted: the variance is -1 / (log p)'', not "
                     "-(log p)''": 1 / var,
                 })
    return got


def matches_the_notebook_example(kata):
    _check(kata, 7.0, 3.0)  # 7 heads, 3 tails with a flat prior


def matches_several_shapes(kata):
    for a, b in [(2.0, 2.0), (3.0, 5.0), (1.5, 1.5), (10.0, 2.0), (1.01, 50.0), (500.0, 700.0),
                 (10_000.0, 3.0)]:
        _check(kata, a, b)


def symmetric_densities_peak_at_one_half(kata):
    for a in (1.2, 4.0, 30.0):
        got = call(kata.laplace_beta, a, a)
        expect(abs(got[0] - 0.5) <= RTOL * 0.5,
               f"Beta({a}, {a}) is symmetric: the mode is 0.5 (within {RTOL:g} relative)")


def agrees_with_a_finite_difference_of_the_log_density(kata):
    for a, b in [(7.0, 3.0), (2.5, 8.0), (40.0, 60.0)]:
        got = call(kata.laplace_beta, a, b)
        fd = _difference_variance(a, b, (a - 1) / (a + b - 2))
        expect(math.isclose(got[1], fd, rel_tol=1e-5),
               f"the variance {got[1]!r} should match -1 / (second difference of the Beta "
               f"log density at the mode) = {fd!r} to about 1e-5")


@given(st.floats(1.05, 200.0), st.floats(1.05, 200.0))
def matches_the_oracle_for_any_a_and_b(kata, a, b):
    got = _check(kata, a, b)
    expect(0 < got[0] < 1 and got[1] > 0, "the mode lies in (0, 1) and the variance is > 0")
