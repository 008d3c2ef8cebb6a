"""Other correct forms of d loss / d z_2 = softmax(z)[2] - 0."""

import math

from scipy.special import softmax

from pytest_numkata.authoring.gauntlet import Source

_Z = [89.3, 91.7, 88.1]
ANSWERS = [
    float(softmax(_Z)[2]) - 0.0,
    math.exp(_Z[2]) / math.fsum(math.exp(v) for v in _Z),  # float64 has the range for this
    Source("math.exp(88.1 - 91.7) / (math.exp(89.3 - 91.7) + 1 + math.exp(88.1 - 91.7)) - 0"),
    float(f"{float(softmax(_Z)[2]):.7g}"),
]
