"""The capstone's logits and an mpmath softmax shared by the ch09 checks."""

import mpmath

LOGITS = (89.3, 91.7, 88.1)
TARGET = 1


def softmax(z=LOGITS, dps=40):
    """Softmax at `dps` digits (mpmath has no overflow, and the max is subtracted anyway)."""
    with mpmath.workdps(dps):
        m = max(mpmath.mpf(v) for v in z)
        e = [mpmath.exp(mpmath.mpf(v) - m) for v in z]
        s = mpmath.fsum(e)
        return [float(v / s) for v in e]


def shifted_exp(z=LOGITS):
    with mpmath.workdps(40):
        m = max(mpmath.mpf(v) for v in z)
        return [float(mpmath.exp(mpmath.mpf(v) - m)) for v in z]


def roughly(expected, rel=1e-2):
    """A predicate: a value within `rel` of `expected` (a rounded answer)."""
    return lambda got: abs(float(got) - expected) <= rel * abs(expected)
