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
