"""Known-buggy sinusoidal_pe solutions. Each must be rejected; `expect` is the named mistake."""

import numpy as np


def _pe(p, d_model, exponent, swap=False):
    pe = np.empty((len(p), d_model))
    k = np.arange(d_model // 2)
    angles = np.asarray(p, dtype=float)[:, None] / 10000.0 ** (exponent(k) / d_model)
    pe[:, 0::2], pe[:, 1::2] = (np.cos(angles), np.sin(angles)) if swap else (
        np.sin(angles), np.cos(angles))
    return pe


def sin_cos_swapped(positions, d_model):
    if d_model % 2:
        raise ValueError("odd d_model")
    return _pe(positions, d_model, lambda k: 2 * k, swap=True)


sin_cos_swapped.expect = "sin and cos swapped"


def k_instead_of_2k(positions, d_model):
    if d_model % 2:
        raise ValueError("odd d_model")
    return _pe(positions, d_model, lambda k: k)


k_instead_of_2k.expect = "k / d_model"


def ignores_the_positions(positions, d_model):
    if d_model % 2:
        raise ValueError("odd d_model")
    return _pe(np.arange(len(positions)), d_model, lambda k: 2 * k)


ignores_the_positions.expect = "range"


def accepts_odd_d_model(positions, d_model):
    pe = _pe(positions, d_model + d_model % 2, lambda k: 2 * k)
    return pe[:, :d_model]


accepts_odd_d_model.expect = "ValueError"
