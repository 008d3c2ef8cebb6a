"""Known-buggy geometric_partial_sum solutions. Each must be rejected; `expect` is the named mistake."""


def closed_form(r, N):
    return (1 - r ** (N + 1)) / (1 - r)


closed_form.expect = "divides by zero at r = 1"


def n_terms(r, N):
    total = 0.0
    for n in range(N):
        total += r**n
    return total


n_terms.expect = "summed N terms"


def infinite_sum(r, N):
    if r == 1:
        return float(N + 1)
    return 1.0 / (1.0 - r)


infinite_sum.expect = "infinite sum 1 / (1 - r)"


def one_term_too_many(r, N):
    total, term = 0.0, 1.0
    for _ in range(N + 2):
        total += term
        term *= r
    return total


one_term_too_many.expect = "summed N + 2 terms"



def float32_running_sum(r, N):
    import numpy as np

    total, term = np.float32(0.0), np.float32(1.0)
    for _ in range(N + 1):
        total += term
        term *= np.float32(r)
    return float(total)


float32_running_sum.expect = None
