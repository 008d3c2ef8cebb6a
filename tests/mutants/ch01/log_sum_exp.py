"""Known-buggy log_sum_exp solutions. Each must be rejected; `expect` is the named mistake."""

import numpy as np


def naive(x):
    return float(np.log(np.sum(np.exp(x))))


naive.expect = "overflowed to inf"


def shift_not_added_back(x):
    x = np.asarray(x, dtype=float)
    return float(np.log(np.sum(np.exp(x - x.max()))))


shift_not_added_back.expect = "not added back"


def shift_by_min(x):
    x = np.asarray(x, dtype=float)
    m = x.min()
    return float(m + np.log(np.sum(np.exp(x - m))))


shift_by_min.expect = None  # overflows only for spread-out logits; no single name fits


def max_only(x):
    return float(np.max(x))


max_only.expect = None


def sorts_input_in_place(x):
    if isinstance(x, np.ndarray):
        x.sort()
    x = np.asarray(x, dtype=float)
    m = x.max()
    return float(m + np.log(np.sum(np.exp(x - m))))


sorts_input_in_place.expect = "in place"


def arrays_only(x):
    import numpy as np

    if not isinstance(x, np.ndarray):
        raise TypeError("pass a NumPy array")
    m = x.max()
    return m + np.log(np.sum(np.exp(x - m)))


arrays_only.expect = None


def returns_a_one_entry_array(x):
    import numpy as np

    x = np.asarray(x, dtype=float)
    m = x.max()
    return np.atleast_1d(m + np.log(np.sum(np.exp(x - m))))


returns_a_one_entry_array.expect = None


def log1p_of_the_rest_in_float32(x):
    import numpy as np

    x = np.asarray(x, dtype=float)
    m = x.max()
    return float(m + np.log(np.sum(np.exp(x - m).astype(np.float32))))


log1p_of_the_rest_in_float32.expect = None
