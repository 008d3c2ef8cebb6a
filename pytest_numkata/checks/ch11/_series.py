"""Shared pieces of the ch11 checks: exact truncated sums and an elementwise comparison.

Exact sums are computed with integers over one common denominator from the exact binary value
of each float, so the oracle has no rounding at all until the final conversion to float.
"""

from __future__ import annotations

import math
import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from pytest_numkata.checking import expect_close, short_repr


TWO_OVER_SQRT_PI = 2 / math.sqrt(math.pi)
_ERF = np.frompyfunc(math.erf, 1, 1)


def erf(x):
    """The error function elementwise, from the C library's erf (math.erf, correct to about an
    ulp): a float for a float, a float array for an array. (scipy.special.erf agrees; importing
    it costs 0.2 s a run.)"""
    if np.ndim(x) == 0:
        return math.erf(float(x))
    return _ERF(np.asarray(x, dtype=float)).astype(float)


def power_sum(x: float, coefficients: list[int], denominator: int, *, odd: bool = False,
              absolute: bool = False) -> tuple[int, int]:
    """The exact value of sum_n (coefficients[n] / denominator) * x**n as (numerator, denominator).

    With ``odd=True`` it is sum_n c_n x**(2n+1) instead. Integer arithmetic over one common
    denominator: fast even for tiny floats (whose exact value has a 2**-1074 denominator).
    ``absolute=True`` uses |x| and |c_n| (the sum of the absolute values of the terms).
    """
    p, q = float(x).as_integer_ratio()  # q is a power of two
    if absolute:
        p = abs(p)
        coefficients = [abs(c) for c in coefficients]
    last = len(coefficients) - 1
    base_p, shift = (p * p, 2 * (q.bit_length() - 1)) if odd else (p, q.bit_length() - 1)
    num = coefficients[last]
    for n in range(last - 1, -1, -1):  # Horner: acc * p + c_n q**(last - n)
        num = num * base_p + (coefficients[n] << (shift * (last - n)))
    den = denominator << (shift * last)
    if odd:
        num *= p
        den *= q
    return num, den


def exp_coefficients(count: int) -> tuple[list[int], int]:
    """x**n / n! for n < count, over the common denominator (count-1)!."""
    top = math.factorial(max(count - 1, 0))
    return [top // math.factorial(n) for n in range(count)], top


def erf_coefficients(count: int, *, alternate: bool = True, odd_divisor: bool = True
                     ) -> tuple[list[int], int]:
    """(-1)**n / (n! (2n+1)) for n < count, over one common denominator (no 2/sqrt(pi))."""
    top = math.factorial(max(count - 1, 0))
    odds = math.prod(2 * n + 1 for n in range(count)) if odd_divisor else 1
    coefficients = []
    for n in range(count):
        c = (top // math.factorial(n)) * (odds // (2 * n + 1) if odd_divisor else 1)
        coefficients.append(-c if alternate and n % 2 else c)
    return coefficients, top * odds


def exp_sum(x: float, count: int, *, absolute: bool = False) -> float:
    """sum_{n<count} x**n / n!, exact, rounded once."""
    num, den = power_sum(x, *exp_coefficients(count), absolute=absolute)
    return num / den


def erf_sum(x: float, count: int, *, absolute: bool = False, alternate: bool = True,
            odd_divisor: bool = True) -> float:
    """(2/sqrt(pi)) sum_{n<count} (-1)**n x**(2n+1) / (n! (2n+1)), exact sum, rounded once."""
    num, den = power_sum(x, *erf_coefficients(count, alternate=alternate,
                                             odd_divisor=odd_divisor),
                         odd=True, absolute=absolute)
    return num / den * TWO_OVER_SQRT_PI  # two roundings: within 1 ulp of the exact value


def float_arrays(low: float, high: float, max_side: int = 4):
    """Float64 arrays of 1 or 2 dimensions (sides up to ``max_side``) with entries in
    [low, high]: the array inputs of the series checks."""
    return hnp.arrays(np.float64, hnp.array_shapes(min_dims=1, max_dims=2, max_side=max_side),
                      elements=st.floats(low, high))


def elementwise(_unused, x, per_element):
    """Apply per_element to a float or to every entry of an array; returns a float or an array."""
    if np.ndim(x) == 0:
        return per_element(float(x))
    arr = np.asarray(x, dtype=np.float64)
    out = np.empty(arr.shape)
    for idx in np.ndindex(arr.shape):
        out[idx] = per_element(float(arr[idx]))
    return out


def _entries_close(got, expected, scale, tol) -> bool:
    try:
        arr = np.asarray(got, dtype=np.float64)
    except (TypeError, ValueError):
        return False
    if got is None or arr.shape != expected.shape or not np.all(np.isfinite(arr)):
        return False
    return bool(np.all(np.abs(arr - expected) <= tol * scale))


def expect_entries(got, x, expected, scale, tol, label, mistakes=None):
    """Each entry of ``got`` is within ``tol * scale`` of ``expected`` (entry by entry).

    ``x`` is the input (a float or an array of ``expected``'s shape); ``mistakes`` (a mapping,
    or a function returning one, called only when the check fails) maps the text of a mistake
    to an array (or float) of the values that mistake gives, or to a predicate on the whole
    returned value.
    """
    expected = np.asarray(expected, dtype=np.float64)
    scale = np.asarray(scale, dtype=np.float64)
    if _entries_close(got, expected, scale, tol):
        return
    if callable(mistakes):
        mistakes = mistakes()
    mistakes = mistakes or {}
    whole = {t: v for t, v in mistakes.items() if callable(v)}
    for text, pred in whole.items():
        # predicates on the whole result (inf, nan ...) are looked at once, up front
        try:
            hit = pred(got)
        except Exception:  # noqa: BLE001
            hit = False
        if hit:
            expect_close(got, expected, rtol=0, atol=float(tol * scale.max()),
                         mistakes={text: pred}, what=label)
    values = {t: v for t, v in mistakes.items() if not callable(v)}
    if expected.ndim == 0:
        expect_close(got, float(expected), rtol=0, atol=float(tol * scale), mistakes=values,
                     what=label)
        return
    try:
        arr = np.asarray(got, dtype=np.float64)
    except (TypeError, ValueError):
        arr = None
    if arr is None or arr.shape != expected.shape:
        expect_close(got, expected, rtol=0, atol=0, what=label)  # reports the type or shape
        return
    xs = np.asarray(x, dtype=np.float64)
    for idx in np.ndindex(expected.shape):
        entry = {t: np.asarray(v, dtype=np.float64)[idx] for t, v in values.items()}
        where = f"{label}\n  entry {idx} (x = {short_repr(xs[idx])})"
        expect_close(arr[idx], expected[idx], rtol=0, atol=float(tol * scale[idx]),
                     mistakes=entry, what=where)
