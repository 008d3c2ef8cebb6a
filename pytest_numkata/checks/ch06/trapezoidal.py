"""Hidden checks for ch06/trapezoidal.

Oracles: the rule itself evaluated node by node with math.fsum, exact integrals of polynomials
in rational arithmetic (fractions.Fraction), and mpmath.quad (tanh-sinh) for the
error ratios.
"""

import math

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from pytest_numkata.checking import call, expect_close
from ._rules import (
    INTEGRANDS, RTOL, atol, check_value, cubic, exact_polynomial_integral, expect_error_ratio,
    expect_reversed_limits_negate, expect_value_error, gauss, lazy_mistakes, line, lorentz,
    polynomial, square, trapezoid, trapezoid_weights, weighted,
)

# limits on a grid of hundredths: ordinary intervals, including a == b and b < a
_LIMITS = st.integers(-300, 300).map(lambda k: k / 100)


def _mistakes(f, a, b, n):
    """Wrong rules, each a thunk: they are evaluated only when a check has already failed."""
    w = weighted
    wrong = {
        "the end nodes need weight 1/2: this is a left Riemann sum (h times f at x_0 .. x_{n-1})":
            lambda: w(f, a, b, n, lambda m: [1.0] * m + [0.0], 1.0),
        "the end nodes need weight 1/2: this is a right Riemann sum (h times f at x_1 .. x_n)":
            lambda: w(f, a, b, n, lambda m: [0.0] + [1.0] * m, 1.0),
        "the end nodes need weight 1/2: every node got weight 1 (h times the plain sum)":
            lambda: w(f, a, b, n, lambda m: [1.0] * (m + 1), 1.0),
        "the factor 1/2 is missing: weights 1, 2, ..., 2, 1 go with h/2, not h":
            lambda: w(f, a, b, n, trapezoid_weights, 1.0),
        "the interior loop stops one node early (range(1, n - 1)): f(x_{n-1}) is missing":
            lambda: w(f, a, b, n, lambda m: [1.0] + [2.0] * (m - 2) + [0.0, 1.0], 0.5)
            if n >= 2 else None,
        "off by one: that is the rule with n - 1 intervals (n nodes); n intervals have "
        "n + 1 nodes": lambda: trapezoid(f, a, b, n - 1) if n >= 2 else None,
        "h computed as (b - a) / (n - 1): n intervals have width (b - a) / n":
            lambda: trapezoid(f, a, b, n, h=(b - a) / (n - 1)) if n >= 2 else None,
        "off by one: that is the rule with n + 1 intervals; n intervals have n + 1 nodes":
            lambda: trapezoid(f, a, b, n + 1),
        "h computed as (b - a) / (n + 1): n intervals have width (b - a) / n":
            lambda: trapezoid(f, a, b, n, h=(b - a) / (n + 1)),
    }
    return lazy_mistakes(wrong, lambda: atol(f, a, b, n))


def _check(kata, f, a, b, n):
    check_value(kata.trapezoidal, f, a, b, n, trapezoid(f, a, b, n), _mistakes(f, a, b, n))


def matches_the_worked_example(kata):
    # x**2 on [0, 1] with 4 intervals: 11/32, exactly representable
    _check(kata, square, 0.0, 1.0, 4)


def matches_the_rule_for_numpy_ufuncs(kata):
    for f, a, b in ((np.sin, 0.0, 2.0), (np.exp, -1.0, 1.0), (np.cos, 0.0, math.pi / 2)):
        for n in (1, 2, 3, 10, 57):
            _check(kata, f, a, b, n)


def matches_the_rule_for_lambdas(kata):
    for f, a, b in ((square, -1.0, 2.0), (lorentz, 0.0, 3.0), (gauss, -2.0, 0.5),
                    (cubic, 0.5, 1.5)):
        for n in (1, 2, 5, 64):
            _check(kata, f, a, b, n)


def a_single_interval_is_one_trapezoid(kata):
    # n = 1: (b - a) * (f(a) + f(b)) / 2
    _check(kata, np.exp, 0.0, 1.0, 1)
    _check(kata, line, -3.0, 5.0, 1)


def reversed_limits_negate_the_integral(kata):
    expect_reversed_limits_negate(kata.trapezoidal, trapezoid, (
        (np.exp, 0.0, 1.0, 8), (lorentz, -1.0, 2.0, 5), (np.sin, 0.5, 3.0, 1)))


def equal_limits_give_zero(kata):
    expect_close(call(kata.trapezoidal, np.exp, 1.5, 1.5, 4), 0.0, atol=1e-300)


@given(st.integers(-20, 20), st.integers(-20, 20), _LIMITS, _LIMITS,
       st.integers(1, 50))
def is_exact_for_straight_lines(kata, c0, c1, a, b, n):
    f = polynomial([c0, c1])
    exact = exact_polynomial_integral([c0, c1], a, b)
    expect_close(call(kata.trapezoidal, f, a, b, n), exact, rtol=RTOL, atol=atol(f, a, b, n),
                 mistakes=_mistakes(f, a, b, n))


@given(st.sampled_from(INTEGRANDS), _LIMITS, _LIMITS, st.integers(1, 200))
def matches_the_rule_on_any_interval(kata, f, a, b, n):
    _check(kata, f, a, b, n)


def error_falls_like_h_squared(kata):
    # for a smooth f, halving h divides the O(h**2) error by about 4
    expect_error_ratio(kata.trapezoidal,
                         ((np.exp, 0.0, 1.0), (lorentz, 0.0, 2.0), (np.sin, 0.0, 1.0)),
                         32, 3.8, 4.2, 2, "a factor near 2 means the end nodes lack their "
                                          "weight 1/2")


def rejects_fewer_than_one_interval(kata):
    for n in (0, -1, -5):
        expect_value_error(kata.trapezoidal, np.exp, 0.0, 1.0, n,
                             "n < 1 must raise ValueError: check n before computing anything")
