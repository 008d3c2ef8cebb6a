"""Quadrature oracles and the wrong rules learners commonly write, shared by ch06's checks."""

import math

import mpmath
import numpy as np

from pytest_numkata.checking import KataFailure, call, expect, expect_close, expect_raises, labelled

RTOL = 1e-10


def _values(f, a, b, n, h=None):
    """f at the n + 1 nodes a + i*h (h = (b - a)/n unless given), one float at a time."""
    h = (b - a) / n if h is None else h
    return h, [float(f(a + i * h)) for i in range(n + 1)]


def weighted(f, a, b, n, weights, scale, h=None):
    """scale * h * sum(w_i f(x_i)), with weights(n) -> list of n + 1 weights."""
    h, y = _values(f, a, b, n, h)
    return scale * h * math.fsum(w * v for w, v in zip(weights(n), y))


def trapezoid_weights(n):
    return [1.0] + [2.0] * (n - 1) + [1.0]


def simpson_weights(n):
    return [1.0] + [4.0 if i % 2 else 2.0 for i in range(1, n)] + [1.0]


def trapezoid(f, a, b, n, h=None):
    return weighted(f, a, b, n, trapezoid_weights, 0.5, h)


def simpson(f, a, b, n, h=None):
    return weighted(f, a, b, n, simpson_weights, 1.0 / 3.0, h)


def atol(f, a, b, n):
    """The contract's absolute tolerance: 1e-10 * |b - a| * max |f(x_i)|."""
    _, y = _values(f, a, b, n)
    return RTOL * abs(b - a) * max(abs(v) for v in y)


def check_value(fn, f, a, b, n, expected, mistakes):
    expect_close(call(fn, f, a, b, n), expected, rtol=RTOL, atol=atol(f, a, b, n),
                 mistakes=mistakes)


def expect_value_error(fn, f, a, b, n, mistake):
    try:
        expect_raises(ValueError, fn, f, a, b, n)
    except KataFailure as exc:
        raise KataFailure(f"{exc}\n  likely mistake: {mistake}") from None


# NumPy-style integrands: each accepts a float or an array and works elementwise.
def _square(x):
    return x * x


def _line(x):
    return 3.0 * x - 2.0


def _lorentz(x):
    return 1.0 / (1.0 + x * x)


def _gauss(x):
    return np.exp(-x * x)


def _cubic(x):
    return x**3 - 2.0 * x + 1.0


square = labelled(_square, "lambda x: x * x")
line = labelled(_line, "lambda x: 3.0 * x - 2.0")
lorentz = labelled(_lorentz, "lambda x: 1.0 / (1.0 + x * x)")
gauss = labelled(_gauss, "lambda x: np.exp(-x * x)")
cubic = labelled(_cubic, "lambda x: x**3 - 2.0 * x + 1.0")

INTEGRANDS = (np.sin, np.exp, np.cos, square, line, lorentz, gauss, cubic)


def polynomial(coefficients):
    """A labelled NumPy-style polynomial c0 + c1 x + c2 x**2 + ... (Horner's rule)."""
    cs = [float(c) for c in coefficients]

    def p(x):
        acc = 0.0 * x + cs[-1]
        for c in reversed(cs[:-1]):
            acc = acc * x + c
        return acc

    terms = " + ".join(f"{c!r} * x**{k}" if k else repr(c) for k, c in enumerate(cs))
    return labelled(p, f"lambda x: {terms}")


def exact_polynomial_integral(coefficients, a, b):
    """The exact integral of c0 + c1 x + ... over [a, b], rounded once to float."""
    from fractions import Fraction

    fa, fb = Fraction(a), Fraction(b)
    total = sum(Fraction(c) * (fb ** (k + 1) - fa ** (k + 1)) / (k + 1)
                for k, c in enumerate(coefficients))
    return float(total)


def lazy_mistakes(wrong, tolerance):
    """``mistakes=`` predicates from thunks of wrong values; nothing is computed until asked."""

    cached = []

    def tol():
        if not cached:
            cached.append(tolerance())
        return cached[0]

    def predicate(thunk):
        def hit(got):
            if got is None:
                return False
            value = thunk()
            if value is None:
                return False
            return abs(float(got) - value) <= tol() + RTOL * abs(value)
        return hit

    return {text: predicate(thunk) for text, thunk in wrong.items()}


def quadrature_oracle(f, a, b):
    """The integral of f over [a, b] by mpmath's tanh-sinh quadrature, f evaluated in float64:
    good to about 1e-16 relative for the smooth integrands of the error-ratio checks, and an
    independent method (scipy.integrate.quad would do too, but costs 0.6 s to import)."""
    with mpmath.workdps(15):
        return float(mpmath.quad(lambda x: float(f(float(x))), [a, b]))


def expect_reversed_limits_negate(fn, rule, cases):
    """fn(f, b, a, n) is -rule(f, a, b, n) for each (f, a, b, n) in cases."""
    for f, a, b, n in cases:
        forward = rule(f, a, b, n)
        expect_close(call(fn, f, b, a, n), -forward, rtol=RTOL, atol=atol(f, a, b, n),
                     mistakes={"the sign is lost for b < a: h = (b - a) / n is negative then, "
                               "and the formula needs no special case": forward})


def expect_error_ratio(fn, cases, n, low, high, order, hint):
    """Doubling n from ``n`` divides fn's error on each smooth (f, a, b) by a factor in
    (low, high), as an O(h**order) rule does; ``hint`` says what a wrong factor suggests."""
    for f, a, b in cases:
        exact = quadrature_oracle(f, a, b)
        e1 = abs(call(fn, f, a, b, n) - exact)
        e2 = abs(call(fn, f, a, b, 2 * n) - exact)
        ratio = e1 / e2 if e2 > 0 else math.inf
        expect(low < ratio < high,
               f"the error on {getattr(f, 'numkata_label', None) or f.__name__} over [{a}, {b}] "
               f"fell by a factor {ratio:.3g} from n = {n} to n = {2 * n}; an O(h**{order}) rule "
               f"divides it by about {2 ** order} ({hint})")
