"""ch07/optimal_step - solved."""

import numpy as np

# E(h) = C1 h**2 + C2 eps / h is smallest where 2 C1 h = C2 eps / h**2, i.e. h**3 ~ eps:
# h ~ eps**(1/3) ~ 6e-6 in FP64 (the forward difference's best step is sqrt(eps) ~ 1.5e-8).
ANSWER = float(np.finfo(np.float64).eps ** (1 / 3))
