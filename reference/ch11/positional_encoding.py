"""ch11/positional_encoding - solved."""

import numpy as np


def sinusoidal_pe(positions, d_model):
    if d_model % 2:
        raise ValueError(f"d_model must be even, got {d_model}")
    p = np.asarray(positions, dtype=np.float64)[:, None]  # (len, 1)
    two_k = np.arange(0, d_model, 2, dtype=np.float64)  # 2k for k = 0 .. d_model/2 - 1
    angles = p / 10000.0 ** (two_k / d_model)  # (len, d_model/2)
    pe = np.empty((p.shape[0], d_model))
    pe[:, 0::2] = np.sin(angles)
    pe[:, 1::2] = np.cos(angles)
    return pe
