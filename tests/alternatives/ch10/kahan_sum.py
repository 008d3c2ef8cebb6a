"""Other correct kahan_sum solutions: each must meet the stated bound."""

import math

import numpy as np


def math_fsum(values):
    return math.fsum(values)


def neumaier_loop(values):
    total = 0.0
    c = 0.0
    for x in values:
        x = float(x)
        t = total + x
        if abs(total) >= abs(x):
            c += (total - t) + x
        else:
            c += (x - t) + total
        total = t
    return total + c


def kahan_over_a_list(values):
    total = c = 0.0
    for x in list(values):
        y = float(x) - c
        t = total + y
        c = (t - total) - y
        total = t
    return total
