"""ch11/laplace_beta - the Laplace approximation to a Beta density (Build).

The Laplace approximation replaces a density p(theta) by a Gaussian fitted at its peak: take
the second-order Taylor expansion of log p around the mode theta_hat, where the first
derivative vanishes,

    log p(theta) ~ log p(theta_hat) + (1/2) (log p)''(theta_hat) (theta - theta_hat)^2,

and read off a normal density with mean theta_hat and variance -1 / (log p)''(theta_hat)
(the second derivative is negative at a maximum, so the variance is positive).

For Beta(a, b) the log density is (a - 1) log(theta) + (b - 1) log(1 - theta) + constant.
The Gaussian's mean is the Beta's mode, not its mean a / (a + b), and its variance is not the
Beta's variance either: it only matches the curvature at the peak.

Contract
--------
laplace_beta(a, b) -> tuple[float, float]
    a and b are floats > 1 (so the density has a single interior peak), up to 10^4.
    Returns the tuple (mode, variance) of the Laplace approximation to Beta(a, b) (a list of
    the two is accepted too): mode the theta in (0, 1) where the density is largest,
    variance = -1 / (second derivative of log p at the mode). Both within 1e-9 relative.

Stuck? `numkata hint ch11/laplace_beta` shows one hint at a time.
"""


def laplace_beta(a, b):
    raise NotImplementedError
