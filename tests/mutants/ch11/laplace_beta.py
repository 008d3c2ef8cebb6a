"""Known-buggy laplace_beta solutions. Each must be rejected; `expect` is the named mistake."""


def uses_the_mean(a, b):
    mode = a / (a + b)
    return mode, -1.0 / (-(a - 1) / mode**2 - (b - 1) / (1 - mode) ** 2)


uses_the_mean.expect = "mean a / (a + b)"


def true_beta_variance(a, b):
    return (a - 1) / (a + b - 2), a * b / ((a + b) ** 2 * (a + b + 1))


true_beta_variance.expect = "variance of the Beta"


def sign_error(a, b):
    mode = (a - 1) / (a + b - 2)
    return mode, 1.0 / (-(a - 1) / mode**2 - (b - 1) / (1 - mode) ** 2)


sign_error.expect = "negative"


def curvature_not_inverted(a, b):
    mode = (a - 1) / (a + b - 2)
    return mode, (a - 1) / mode**2 + (b - 1) / (1 - mode) ** 2


curvature_not_inverted.expect = "-1 / "


def swapped_order(a, b):
    mode = (a - 1) / (a + b - 2)
    curvature = -(a - 1) / mode**2 - (b - 1) / (1 - mode) ** 2
    return -1.0 / curvature, mode


swapped_order.expect = None
