"""Known-buggy grad_check solutions. Each must be rejected; `expect` is the named mistake."""

import numpy as np


def _numeric(f, x, h, divisor=2.0):
    x = np.array(x, dtype=float)
    numeric = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        plus, minus = x.copy(), x.copy()
        plus[i] += h
        minus[i] -= h
        numeric[i] = (f(plus) - f(minus)) / (divisor * h)
    return numeric


def _relative(a, n):
    a = np.asarray(a, dtype=float)
    return float(np.linalg.norm((a - n).ravel())
                 / (np.linalg.norm(a.ravel()) + np.linalg.norm(n.ravel()) + 1e-12))


def forward_difference(f, x, analytic_grad, h=1e-6):
    x = np.array(x, dtype=float)
    fx = f(x)
    numeric = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        plus = x.copy()
        plus[i] += h
        numeric[i] = (f(plus) - fx) / h
    return _relative(analytic_grad, numeric)


forward_difference.expect = "forward differences"


def perturbs_x_in_place(f, x, analytic_grad, h=1e-6):
    numeric = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        x[i] += h
        fp = f(x)
        x[i] -= 2 * h
        fm = f(x)
        x[i] += h  # "restores" x[i] - but (x + h - 2h) + h need not equal x in floating point
        numeric[i] = (fp - fm) / (2 * h)
    return _relative(analytic_grad, numeric)


perturbs_x_in_place.expect = "in place"


def forgets_to_restore_x(f, x, analytic_grad, h=1e-6):
    numeric = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        x[i] += h
        fp = f(x)
        x[i] -= 2 * h
        fm = f(x)
        numeric[i] = (fp - fm) / (2 * h)
    return _relative(analytic_grad, numeric)


forgets_to_restore_x.expect = "in place"


def max_norm(f, x, analytic_grad, h=1e-6):
    n = _numeric(f, x, h)
    a = np.asarray(analytic_grad, dtype=float)
    return float(np.max(np.abs(a - n)) / (np.max(np.abs(a)) + np.max(np.abs(n)) + 1e-12))


max_norm.expect = "max-norm"


def no_tiny_constant(f, x, analytic_grad, h=1e-6):
    n = _numeric(f, x, h)
    a = np.asarray(analytic_grad, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return float(np.linalg.norm((a - n).ravel())
                     / (np.linalg.norm(a.ravel()) + np.linalg.norm(n.ravel())))


no_tiny_constant.expect = "+1e-12 is missing"


def divides_by_h(f, x, analytic_grad, h=1e-6):
    return _relative(analytic_grad, _numeric(f, x, h, divisor=1.0))


divides_by_h.expect = "divided by h instead of 2h"


def max_in_denominator(f, x, analytic_grad, h=1e-6):
    n = _numeric(f, x, h)
    a = np.asarray(analytic_grad, dtype=float)
    return float(np.linalg.norm((a - n).ravel())
                 / max(np.linalg.norm(a.ravel()), np.linalg.norm(n.ravel()), 1e-8))


max_in_denominator.expect = "not max(norm(a), norm(n)"


def matrix_two_norm(f, x, analytic_grad, h=1e-6):
    n = _numeric(f, x, h)
    a = np.asarray(analytic_grad, dtype=float)
    if a.ndim == 2:
        return float(np.linalg.norm(a - n, 2) / (np.linalg.norm(a, 2) + np.linalg.norm(n, 2) + 1e-12))
    return _relative(a, n)


matrix_two_norm.expect = "matrix 2-norm"


def one_dimensional_loop(f, x, analytic_grad, h=1e-6):
    # x[i] with one index: for a 2-D x that is a whole row, and a 0-d x has no len()
    x = np.array(x, dtype=float)
    numeric = np.zeros_like(x)
    for i in range(len(x)):
        plus, minus = x.copy(), x.copy()
        plus[i] += h
        minus[i] -= h
        numeric[i] = (f(plus) - f(minus)) / (2 * h)
    return _relative(analytic_grad, numeric)


one_dimensional_loop.expect = None


def subtracts_into_analytic_grad(f, x, analytic_grad, h=1e-6):
    numeric = _numeric(f, x, h)
    norm_a = np.linalg.norm(np.ravel(analytic_grad))
    diff = analytic_grad
    diff -= numeric  # overwrites the caller's analytic_grad
    return float(np.linalg.norm(np.ravel(diff)) / (norm_a + np.linalg.norm(numeric.ravel()) + 1e-12))


subtracts_into_analytic_grad.expect = "in place"


def ignores_the_h_argument(f, x, analytic_grad, h=1e-6):
    return _relative(analytic_grad, _numeric(f, x, 1e-6))


ignores_the_h_argument.expect = None
