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
