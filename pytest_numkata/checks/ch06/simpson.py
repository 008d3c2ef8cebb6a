"""Hidden checks for ch06/simpson.

Oracles: the rule itself evaluated node by node with math.fsum, exact integrals of cubics in
rational arithmetic (fractions.Fraction), and mpmath.quad (tanh-sinh) for the
error ratios.
"""

import math

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from pytest_numkata.checking import call, expect_close
from ._rules import (
    INTEGRANDS, RTOL, atol, check_value, exact_polynomial_integral, expect_error_ratio,
    expect_reversed_limits_negate, expect_value_error, gauss, lazy_mistakes, lorentz,
    polynomial, simpson, simpson_weights, square, trapezoid, trapezoid_weights, weighted,
)

# limits on a grid of hundredths: ordinary intervals, including a == b and b < a
_LIMITS = st.integers(-300, 300).map(lambda k: k / 100)


def _mistakes(f, a, b, n):
    """Wrong rules, each a thunk: they are evaluated only when a check has already failed."""
    w = weighted
    third = 1.0 / 3.0
    wrong = {
        "the weights 4 and 2 are swapped: odd-indexed nodes x_1, x_3, ... get 4, even interior "
        "nodes get 2": lambda: w(f, a, b, n, lambda m: [1.0] + [2.0 if i % 2 else 4.0
                                                               for i in range(1, m)] + [1.0], third),
        "wrong weights: 1, 2, ..., 2, 1 are the trapezoid's; Simpson's interior weights "
        "alternate 4, 2, 4": lambda: w(f, a, b, n, trapezoid_weights, third),
        "that is the trapezoidal rule: Simpson's weights are 1, 4, 2, ..., 4, 1 times h/3":
            lambda: trapezoid(f, a, b, n),
        "the factor is h/3, not h/6": lambda: w(f, a, b, n, simpson_weights, 1.0 / 6.0),
        "the factor is h/3, not h/2": lambda: w(f, a, b, n, simpson_weights, 0.5),
        "the factor is h/3, not h": lambda: w(f, a, b, n, simpson_weights, 1.0),
        "h computed as (b - a) / (n - 1): n intervals have width (b - a) / n":
            lambda: simpson(f, a, b, n, h=(b - a) / (n - 1)),
        "h computed as (b - a) / (n + 1): n intervals have width (b - a) / n":
            lambda: simpson(f, a, b, n, h=(b - a) / (n + 1)),
        "off by one: the loop ran to i = n, so x_n = b got an interior weight - the interior "
        "nodes are x_1 .. x_{n-1}, and x_n gets weight 1": lambda: w(f, a, b, n, lambda m: [1.0] + [
            4.0 if i % 2 else 2.0 for i in range(1, m)] + [2.0], third),
        "off by one: the loop ran to i = n, so x_n = b got an interior weight on top of its 1 - "
        "the interior nodes are x_1 .. x_{n-1}": lambda: w(f, a, b, n, lambda m: [1.0] + [
            4.0 if i % 2 else 2.0 for i in range(1, m)] + [3.0], third),
    }
    return lazy_mistakes(wrong, lambda: atol(f, a, b, n))


def _check(kata, f, a, b, n):
    check_value(kata.simpson, f, a, b, n, simpson(f, a, b, n), _mistakes(f, a, b, n))


def matches_the_worked_example(kata):
    # x**2 on [0, 1] with 4 intervals: exactly 1/3
    _check(kata, square, 0.0, 1.0, 4)


def matches_the_rule_for_numpy_ufuncs(kata):
    for f, a, b in ((np.sin, 0.0, 2.0), (np.exp, -1.0, 1.0), (np.cos, 0.0, math.pi / 2)):
        for n in (2, 4, 6, 10, 58):
            _check(kata, f, a, b, n)


def matches_the_rule_for_lambdas(kata):
    for f, a, b in ((lorentz, 0.0, 3.0), (gauss, -2.0, 0.5), (square, -1.0, 2.0)):
        for n in (2, 4, 8, 64):
            _check(kata, f, a, b, n)


def two_intervals_make_one_parabola(kata):
    # n = 2: (b - a)/6 * (f(a) + 4 f(midpoint) + f(b))
    _check(kata, np.exp, 0.0, 1.0, 2)
    _check(kata, lorentz, -3.0, 5.0, 2)


def reversed_limits_negate_the_integral(kata):
    expect_reversed_limits_negate(kata.simpson, simpson, (
        (np.exp, 0.0, 1.0, 8), (lorentz, -1.0, 2.0, 6), (np.sin, 0.5, 3.0, 2)))


def equal_limits_give_zero(kata):
    expect_close(call(kata.simpson, np.exp, 1.5, 1.5, 4), 0.0, atol=1e-300)


@given(st.lists(st.integers(-9, 9), min_size=4, max_size=4), _LIMITS, _LIMITS,
       st.integers(1, 25))
def is_exact_for_cubics(kata, coefficients, a, b, half_n):
    n = 2 * half_n
    f = polynomial(coefficients)
    exact = exact_polynomial_integral(coefficients, a, b)
    expect_close(call(kata.simpson, f, a, b, n), exact, rtol=RTOL, atol=atol(f, a, b, n),
                 mistakes=_mistakes(f, a, b, n))


@given(st.sampled_from(INTEGRANDS), _LIMITS, _LIMITS, st.integers(1, 100))
def matches_the_rule_on_any_interval(kata, f, a, b, half_n):
    _check(kata, f, a, b, 2 * half_n)


def error_falls_like_h_to_the_fourth(kata):
    # for a smooth f, halving h divides the O(h**4) error by about 16
    expect_error_ratio(kata.simpson,
                         ((np.exp, 0.0, 1.0), (gauss, 0.0, 1.0), (np.cos, 0.0, 2.0)),
                         8, 14.0, 18.0, 4, "a factor near 4 means the weights are not Simpson's")


def rejects_odd_n(kata):
    for n in (1, 3, 5, 11):
        expect_value_error(kata.simpson, np.exp, 0.0, 1.0, n,
                             "an odd n must raise ValueError: Simpson pairs the intervals up, "
                             "one parabola per pair")


def rejects_n_below_two(kata):
    for n in (0, -2, -1):
        expect_value_error(kata.simpson, np.exp, 0.0, 1.0, n,
                             "n < 2 must raise ValueError: the rule needs at least one pair of "
                             "intervals")
