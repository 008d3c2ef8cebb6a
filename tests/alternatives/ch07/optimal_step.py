"""Other correct forms of the best step for ch07/optimal_step: each must pass."""

import numpy as np

_eps = float(np.finfo(float).eps)

ANSWERS = [
    _eps ** (1 / 3),             # eps**(1/3), about 6e-6
    (3 * _eps) ** (1 / 3),       # the minimiser of h**2/6 + eps/h
    1e-5,                        # the order of magnitude
    2.0 ** (-52 / 3),
]
