"""ch01/variance - a variance that goes negative (Debug).

The population variance of x_1..x_n is the mean squared distance from the mean,
Var = (1/n) * sum((x_i - mean)**2). Algebra turns it into the shortcut E[X^2] - E[X]^2 (the mean
of the squares minus the square of the mean), which needs only one pass over the data. The
function below uses that shortcut. It works on small textbook data - and fails on data like
sensor readings, timestamps or large activations, whose mean is far larger than their spread:
for x = [1e8 + 0.1, 1e8 + 0.2, 1e8 + 0.4] it even returns a negative "variance".

Find the bug and fix it so the function keeps its contract.

Contract
--------
variance(x) -> float
    `x` is a non-empty 1-D array-like (list, tuple or NumPy array) of at most a few hundred
    finite floats, each 0 or of magnitude between 1e-100 and 1e100.
    Returns the population variance (dividing by n, not n - 1) as a Python or NumPy float. The
    result is never negative, and is within 1e-6 relative of the exact variance of the given
    numbers, plus an absolute slack of 1e-20 * max(x_i**2) that only matters when the values
    are all (nearly) equal. This holds even when the mean is 1e8 times the spread of the data.
    `x` is not modified.

Stuck? `numkata hint ch01/variance` shows one hint at a time.
"""


def variance(x):
    n = len(x)
    total = 0.0
    total_of_squares = 0.0
    for value in x:
        value = float(value)
        total += value
        total_of_squares += value * value
    mean = total / n
    return total_of_squares / n - mean * mean
