"""Known-buggy variance solutions. Each must be rejected; `expect` is the named mistake."""

import math

import numpy as np


def shipped_shortcut(x):
    n = len(x)
    total = 0.0
    total_of_squares = 0.0
    for value in x:
        value = float(value)
        total += value
        total_of_squares += value * value
    mean = total / n
    return total_of_squares / n - mean * mean


shipped_shortcut.expect = "E[X^2] - E[X]^2"


def vectorised_shortcut(x):
    x = np.asarray(x, dtype=float)
    return float(np.mean(x**2) - np.mean(x) ** 2)


vectorised_shortcut.expect = "E[X^2] - E[X]^2"


def clamped_shortcut(x):
    x = np.asarray(x, dtype=float)
    return max(0.0, float(np.mean(x * x) - np.mean(x) ** 2))


clamped_shortcut.expect = "clamping at 0"


def sample_variance(x):
    x = np.asarray(x, dtype=float)
    if len(x) == 1:
        return 0.0
    return float(np.sum((x - x.mean()) ** 2) / (len(x) - 1))


sample_variance.expect = "n - 1"


def centres_in_place(x):
    if isinstance(x, np.ndarray):
        x -= x.mean()
        return float(np.mean(x * x))
    x = np.asarray(x, dtype=float)
    return float(np.mean((x - x.mean()) ** 2))


centres_in_place.expect = "in place"


def standard_deviation(x):
    x = np.asarray(x, dtype=float)
    return math.sqrt(float(np.mean((x - x.mean()) ** 2)))


standard_deviation.expect = "standard deviation"


def arrays_only(x):
    import numpy as np

    if not isinstance(x, np.ndarray):
        raise TypeError("pass a NumPy array")
    return float(np.mean((x - x.mean()) ** 2))


arrays_only.expect = None


def squares_in_float32(x):
    import numpy as np

    x = np.asarray(x, dtype=float)
    d = (x - x.mean()).astype(np.float32)
    return float(np.mean(d.astype(np.float64) ** 2))


squares_in_float32.expect = None
