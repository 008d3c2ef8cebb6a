"""ch01/lse_by_hand - solved."""

import math

# m = 30; the shifted terms are exp(-20), exp(-10) and exp(0) = 1.
ANSWER = 30 + math.log(1 + math.exp(-10) + math.exp(-20))
