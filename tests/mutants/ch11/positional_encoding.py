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


def truncates_float_positions(positions, d_model):
    import numpy as np

    if d_model % 2:
        raise ValueError("d_model must be even")
    p = np.asarray(positions).astype(np.int64)[:, None].astype(np.float64)  # 2.5 becomes 2
    two_k = np.arange(0, d_model, 2, dtype=np.float64)
    angles = p / 10000.0 ** (two_k / d_model)
    pe = np.empty((p.shape[0], d_model))
    pe[:, 0::2] = np.sin(angles)
    pe[:, 1::2] = np.cos(angles)
    return pe


truncates_float_positions.expect = None


def scales_positions_in_place(positions, d_model):
    import numpy as np

    if d_model % 2:
        raise ValueError("d_model must be even")
    p = positions if isinstance(positions, np.ndarray) else np.asarray(positions, dtype=np.float64)
    pe = np.empty((p.shape[0], d_model))
    for k in range(d_model // 2):
        pe[:, 2 * k] = np.sin(p)
        pe[:, 2 * k + 1] = np.cos(p)
        p /= 10000.0 ** (2.0 / d_model)  # the caller's positions shrink column by column
    return pe


scales_positions_in_place.expect = "in place"


def odd_d_model_drops_a_column(positions, d_model):
    import numpy as np

    p = np.asarray(positions, dtype=np.float64)[:, None]
    half = d_model // 2  # an odd d_model silently drops its last column
    two_k = np.arange(0, 2 * half, 2, dtype=np.float64)
    angles = p / 10000.0 ** (two_k / d_model)
    pe = np.zeros((p.shape[0], d_model))
    pe[:, 0:2 * half:2] = np.sin(angles)
    pe[:, 1:2 * half:2] = np.cos(angles)
    return pe


odd_d_model_drops_a_column.expect = "ValueError"
