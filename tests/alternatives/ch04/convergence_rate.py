"""Other correct forms of abs(e2) / e1**2 for ch04/convergence_rate: each must pass."""

import math
from fractions import Fraction

_r = math.sqrt(2)

ANSWERS = [
    Fraction(1, 3),                                    # exact: 1 / (2 * x1)
    1 / 3,
    abs(17 / 12 - _r) / (3 / 2 - _r) ** 2,             # computed in floats
    0.33333333,                                        # 8 significant digits
]

# by hand, with x2 and sqrt(2) carried to the 10 significant digits the stub asks for
ANSWERS.append(abs(1.416666667 - 1.414213562) / (1.5 - 1.414213562) ** 2)
