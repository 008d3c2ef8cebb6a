"""ch09/softmax_overflow - solved."""

import math

import numpy as np

value = math.exp(91.7)  # float64 holds it easily (about 6.68e39)
ANSWER = (value, float(np.float16(value)))  # FP16 rounds it to inf
