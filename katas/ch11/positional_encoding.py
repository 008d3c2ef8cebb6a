"""ch11/positional_encoding - sinusoidal positional encodings (Build).

The original Transformer tells tokens apart by position with a Fourier-style code: for a
position p and each k = 0 .. d_model/2 - 1, the pair of columns (2k, 2k+1) holds a sine and a
cosine at the angular frequency omega_k = 1 / 10000^(2k / d_model):

    PE[p, 2k]     = sin(p / 10000^(2k / d_model))
    PE[p, 2k + 1] = cos(p / 10000^(2k / d_model))

Frequencies fall geometrically from 1 (column pair 0) to nearly 1/10000, so nearby positions
differ in the fast columns and distant ones in the slow columns; and because each pair is a
rotation by p * omega_k, PE[p] . PE[q] depends only on p - q.

Contract
--------
sinusoidal_pe(positions, d_model) -> numpy.ndarray
    positions is a non-empty 1-D array-like of nonnegative numbers (ints or floats, not
    necessarily 0, 1, 2, ... - use the values given), each at most 10^4. d_model is a
    positive int. Returns the float array of shape (len(positions), d_model) whose row i is
    the encoding of position positions[i] as above, each entry within 1e-9 absolute of the
    exact value. An odd d_model raises ValueError. positions is not modified.

Stuck? `numkata hint ch11/positional_encoding` shows one hint at a time.
"""

import numpy as np


def sinusoidal_pe(positions, d_model):
    raise NotImplementedError
