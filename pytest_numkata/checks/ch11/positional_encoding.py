"""Hidden checks for ch11/positional_encoding.

Oracle: the formula written out entry by entry with the math module (an angle of at most 1e4
carries an absolute rounding error near 1e-12, far below the 1e-9 tolerance); the properties
come from trigonometry.
"""

import math

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from pytest_numkata.checking import call, expect, expect_close, expect_raises, is_close

ATOL = 1e-9


def _pe(positions, d_model, *, two=2, swap=False):
    out = np.empty((len(positions), d_model))
    for i, p in enumerate(positions):
        for k in range(d_model // 2):
            angle = float(p) / math.pow(10000.0, two * k / d_model)
            s, c = math.sin(angle), math.cos(angle)
            out[i, 2 * k], out[i, 2 * k + 1] = (c, s) if swap else (s, c)
    return out


def _mistakes(positions, d_model):
    return {
        "sin and cos swapped: even columns 2k hold the sine, odd columns 2k+1 the cosine":
            _pe(positions, d_model, swap=True),
        "the exponent is k / d_model: it should be 2k / d_model (the column index of the "
        "sine), so the frequencies fall from 1 to about 1/10000": _pe(positions, d_model, two=1),
        "the exponent uses the column index 2k twice (4k / d_model): column pair k has "
        "10000^(2k / d_model)": _pe(positions, d_model, two=4),
        "the given positions were ignored (range(len(positions)) used instead): encode the "
        "values in positions": _pe(range(len(positions)), d_model),
    }


def _check(kata, positions, d_model):
    got = call(kata.sinusoidal_pe, positions, d_model, unchanged=True)
    expected = _pe(positions, d_model)
    if not is_close(got, expected, 0, ATOL):
        expect_close(got, expected, rtol=0, atol=ATOL, mistakes=_mistakes(positions, d_model))
    return np.asarray(got, dtype=float)


def matches_the_formula(kata):
    _check(kata, [5, 0, 17, 3], 8)
    _check(kata, np.array([0.0, 1.0, 2.0, 3.0]), 4)
    _check(kata, [3.5, 12.25], 6)
    _check(kata, [7], 2)


def matches_for_long_positions_and_wide_models(kata):
    _check(kata, np.array([0, 1, 99, 500, 2048, 10000]), 64)
    _check(kata, np.arange(40, 0, -3), 16)


def accepts_lists_tuples_and_arrays(kata):
    for form in ([2, 9, 4], (2, 9, 4), np.array([2, 9, 4]), np.array([2.0, 9.0, 4.0])):
        _check(kata, form, 6)


def rejects_odd_d_model(kata):
    for d_model in (1, 3, 7, 65):
        expect_raises(ValueError, kata.sinusoidal_pe, [0, 1, 2], d_model)


def dot_products_depend_only_on_the_offset(kata):
    d_model = 32
    pe = _check(kata, np.arange(0, 60), d_model)
    # entries within ATOL of exact values of size <= 1 move a dot product of d_model terms by
    # at most d_model * (2 ATOL + ATOL**2); two of them are compared
    atol = 2 * d_model * (2 * ATOL + ATOL**2)
    for shift in (1, 5, 17):
        dots = [pe[p] @ pe[p + shift] for p in range(0, 60 - shift, 7)]
        expect(np.allclose(dots, dots[0], rtol=0, atol=atol),
               f"PE[p] . PE[p + {shift}] should be the same for every p (sum of "
               f"cos({shift} * omega_k)), got {dots}")
    expect(np.allclose((pe**2).sum(axis=1), d_model // 2, rtol=0, atol=atol),
           "each row should have squared norm d_model / 2 (sin^2 + cos^2 = 1 per pair)")


@given(st.lists(st.integers(0, 10_000) | st.floats(0, 1e4), min_size=1, max_size=6),
       st.integers(1, 12))
def matches_the_formula_for_any_positions(kata, positions, half):
    _check(kata, positions, 2 * half)
