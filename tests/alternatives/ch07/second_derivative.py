"""Other correct forms of the second difference for ch07/second_derivative: each must pass."""

import math

import numpy as np

ANSWERS = [
    (math.exp(1.1) - 2 * math.exp(1.0) + math.exp(0.9)) / 0.1**2,
    float((np.exp(1.1) - 2 * np.exp(1.0) + np.exp(0.9)) / 0.01),
    math.e * (math.exp(0.1) - 2 + math.exp(-0.1)) / 0.01,        # factor out e**1
    2.7205478,                                                   # 8 significant digits
]
