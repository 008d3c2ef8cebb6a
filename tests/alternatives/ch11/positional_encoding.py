"""Other correct sinusoidal_pe solutions: each must pass."""

import math

import numpy as np


def pure_python_loops(positions, d_model):
    if d_model % 2:
        raise ValueError("d_model must be even")
    rows = []
    for p in positions:
        row = []
        for k in range(d_model // 2):
            angle = float(p) / 10000 ** (2 * k / d_model)
            row += [math.sin(angle), math.cos(angle)]
        rows.append(row)
    return np.array(rows, dtype=np.float64).reshape(len(rows), d_model)


def outer_product(positions, d_model):
    if d_model % 2 != 0:
        raise ValueError("odd d_model")
    omega = np.exp(-np.log(10000.0) * np.arange(0, d_model, 2) / d_model)
    angles = np.outer(np.asarray(positions, dtype=np.float64), omega)
    return np.stack([np.sin(angles), np.cos(angles)], axis=-1).reshape(len(angles), d_model)


def complex_rotation(positions, d_model):
    if d_model % 2 == 1:
        raise ValueError("d_model must be even")
    p = np.asarray(positions, dtype=np.float64)[:, None]
    k = np.arange(d_model // 2)
    z = np.exp(1j * p / np.power(10000.0, 2 * k / d_model))
    pe = np.empty((p.shape[0], d_model))
    pe[:, 0::2] = z.imag
    pe[:, 1::2] = z.real
    return pe
