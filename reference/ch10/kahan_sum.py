"""ch10/kahan_sum - solved."""


def kahan_sum(values):
    if hasattr(values, "tolist"):  # a NumPy array: Python floats are faster to loop over
        values = values.tolist()
    total = 0.0
    lost = 0.0  # the low-order part the previous addition rounded away (with its sign)
    for x in values:
        y = x - lost  # feed the lost part back in
        t = total + y  # the big addition: low bits of y are rounded away here...
        lost = (t - total) - y  # ...and recovered exactly here (negated)
        total = t
    return total
