"""ch05/steps_to_converge - solved."""

import math

# abs(x_k) = 0.8**k * 10 < 0.01  <=>  k > log(0.001) / log(0.8) = 30.96...
ANSWER = math.floor(math.log(0.001) / math.log(0.8)) + 1
