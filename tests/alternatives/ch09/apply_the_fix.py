"""Other correct forms of softmax(z)[0] for z = [89.3, 91.7, 88.1]."""

import math

from scipy.special import softmax

from pytest_numkata.authoring.gauntlet import Source

_Z = [89.3, 91.7, 88.1]
_M = max(_Z)
ANSWERS = [
    math.exp(_Z[0] - _M) / math.fsum(math.exp(v - _M) for v in _Z),
    float(softmax(_Z)[0]),
    Source("math.exp(89.3 - 91.7) / (math.exp(89.3 - 91.7) + 1 + math.exp(88.1 - 91.7))"),
    Source("1 / (1 + math.exp(2.4) + math.exp(-1.2))"),
]
ANSWERS.append(float(f"{ANSWERS[0]:.7g}"))  # a decimal with 7 significant digits
