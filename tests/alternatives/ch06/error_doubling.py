"""Other correct forms of the two factors for ch06/error_doubling: each must pass."""

import math


def _measured():
    exact = math.e - 1

    def nodes(n):
        return [math.exp(i / n) for i in range(n + 1)]

    def trap(n):
        y = nodes(n)
        return (sum(y) - (y[0] + y[-1]) / 2) / n

    def simp(n):
        y = nodes(n)
        return (y[0] + y[-1] + 4 * sum(y[1:-1:2]) + 2 * sum(y[2:-1:2])) / (3 * n)

    return (abs(trap(16) - exact) / abs(trap(32) - exact),
            abs(simp(16) - exact) / abs(simp(32) - exact))


ANSWERS = [
    (4, 16),                 # 2**2 and 2**4, ints
    [4.0, 16.0],             # a list of floats
    (2**2, 2**4),
    _measured(),             # measured in pure Python
]
