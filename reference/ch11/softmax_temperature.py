"""ch11/softmax_temperature - solved."""

import numpy as np


def softmax_temperature(x, T):
    if not T > 0:
        raise ValueError(f"the temperature must be positive, got T = {T!r}")
    z = np.asarray(x, dtype=np.float64) / T  # a new array: x is left alone
    z = z - z.max()  # every exponent <= 0, the largest is exactly 0
    e = np.exp(z)
    return e / e.sum()
