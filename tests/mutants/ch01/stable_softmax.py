"""Known-buggy softmax solutions. Each must be rejected; `expect` is the named mistake."""

import numpy as np


def naive(x):
    e = np.exp(np.asarray(x, dtype=float))
    return e / e.sum()


naive.expect = "subtract max(x)"


def shift_by_min(x):
    x = np.asarray(x, dtype=float)
    e = np.exp(x - x.min())
    return e / e.sum()


shift_by_min.expect = "subtract max(x)"


def not_normalised(x):
    x = np.asarray(x, dtype=float)
    return np.exp(x - x.max())


not_normalised.expect = "not divided by their sum"


def shifts_input_in_place(x):
    if isinstance(x, np.ndarray):
        x -= x.max()
    x = np.asarray(x, dtype=float)
    e = np.exp(x - x.max())
    return e / e.sum()


shifts_input_in_place.expect = "in place"


def log_softmax(x):
    x = np.asarray(x, dtype=float)
    m = x.max()
    return x - (m + np.log(np.sum(np.exp(x - m))))


log_softmax.expect = "log-softmax"


def returns_a_list(x):
    x = [float(v) for v in x]
    m = max(x)
    e = [np.exp(v - m) for v in x]
    s = sum(e)
    return [float(v / s) for v in e]


returns_a_list.expect = "NumPy array"


def float32_result(x):
    x = np.asarray(x, dtype=float)
    e = np.exp(x - x.max())
    return (e / e.sum()).astype(np.float32)


float32_result.expect = "float64"


def arrays_only(x):
    e = np.exp(x - np.max(x)) if isinstance(x, np.ndarray) else None
    return e / e.sum()


arrays_only.expect = None


def through_log_sum_exp(x):
    x = np.asarray(x, dtype=float)
    m = x.max()
    return np.exp(x - (m + np.log(np.sum(np.exp(x - m)))))


through_log_sum_exp.expect = None
