"""Known-buggy kahan_sum solutions. Each must be rejected; `expect` is the named mistake."""


def naive(values):
    total = 0.0
    for x in values:
        total += x
    return total


naive.expect = "plain left-to-right summation"


def compensation_wrong_sign(values):
    total = c = 0.0
    for x in values:
        y = x + c
        t = total + y
        c = (t - total) - y
        total = t
    return total


compensation_wrong_sign.expect = "wrong sign"


def compensation_never_applied(values):
    total = c = 0.0
    for x in values:
        y = x
        t = total + y
        c = (t - total) - y  # computed, then ignored
        total = t
    return total


compensation_never_applied.expect = "never applied"


def sorted_naive(values):
    total = 0.0
    for x in sorted(values):
        total += x
    return total


sorted_naive.expect = "sorting the values"


def numpy_pairwise(values):
    import numpy as np

    return float(np.sum(np.asarray(values, dtype=float)))


numpy_pairwise.expect = None


def sorts_in_place_then_compensates(values):
    if hasattr(values, "sort"):
        values.sort(key=abs) if isinstance(values, list) else values.sort()  # the caller's sequence
    total, c = 0.0, 0.0
    for v in values:
        y = v - c
        t = total + y
        c = (t - total) - y
        total = t
    return total


sorts_in_place_then_compensates.expect = "in place"


def empty_is_an_error(values):
    total, c = values[0], 0.0  # an empty sequence has no first value
    for v in values[1:]:
        y = v - c
        t = total + y
        c = (t - total) - y
        total = t
    return total


empty_is_an_error.expect = None
