"""ch11/softmax_temperature - softmax with a temperature (Build).

Dividing logits by a temperature T before the softmax sharpens or flattens the distribution:

    p_i = e^(x_i / T) / sum_j e^(x_j / T)

As T -> 0 it becomes one-hot on the largest logit; as T grows it tends to uniform (and a
first-order Taylor step, e^s ~ 1 + s, gives p_i ~ 1/n + (x_i - mean(x)) / (n T) for large T).
Small T is where it breaks if written literally: with T = 1e-3 a logit of 1 becomes 1000,
and e^1000 is inf in float64. Divide by T first, then shift by the largest value before
exponentiating - the shift cancels in the ratio.

Contract
--------
softmax_temperature(x, T) -> numpy.ndarray
    x is a non-empty 1-D array-like (list, tuple or NumPy array) of finite floats with
    |x_i| <= 1000, and T a float. For T > 0 returns the float array of x's length with
    entries p_i above, each within 1e-9 relative or 1e-12 absolute of the exact value; the
    entries are finite and sum to 1 within 1e-12, also for T as small as 1e-3 with 100
    logits. T <= 0 raises ValueError. x is not modified.

Stuck? `numkata hint ch11/softmax_temperature` shows one hint at a time.
"""

import numpy as np


def softmax_temperature(x, T):
    raise NotImplementedError
