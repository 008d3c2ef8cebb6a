"""Other correct forms of the spectral radius of the Jacobi matrix of [[4, 1], [1, 3]]."""

import math

from pytest_numkata.authoring.gauntlet import Source

ANSWERS = [
    math.sqrt(1 / 12),
    1 / math.sqrt(12),
    12 ** -0.5,
    0.2887,                                  # four significant digits
    Source("max(abs(__import__('numpy').linalg.eigvals([[0, 1 / 4], [1 / 3, 0]])))"),
]
