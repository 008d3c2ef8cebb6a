"""Known-buggy softmax_temperature solutions. Each must be rejected; `expect` is the named
mistake."""

import numpy as np


def naive_exp(x, T):
    if T <= 0:
        raise ValueError("T must be positive")
    e = np.exp(np.asarray(x, dtype=float) / T)
    return e / e.sum()


naive_exp.expect = "overflowed"


def divides_after_exponentiating(x, T):
    if T <= 0:
        raise ValueError("T must be positive")
    x = np.asarray(x, dtype=float)
    e = np.exp(x - x.max()) / T
    return e / e.sum()


divides_after_exponentiating.expect = "after exponentiating"


def never_raises(x, T):
    z = np.asarray(x, dtype=float) / T
    e = np.exp(z - z.max())
    return e / e.sum()


never_raises.expect = "ValueError"


def multiplies_by_t(x, T):
    if T <= 0:
        raise ValueError("T must be positive")
    z = np.asarray(x, dtype=float) * T
    e = np.exp(z - z.max())
    return e / e.sum()


multiplies_by_t.expect = "multiplied by T"


def through_logsumexp(x, T):
    import numpy as np

    if T <= 0:
        raise ValueError("T must be positive")
    z = np.asarray(x, dtype=float) / T
    m = z.max()
    lse = m + np.log(np.sum(np.exp(z - m)))
    return np.exp(z - lse)


through_logsumexp.expect = "not divided by their own sum"
