"""ch11/laplace_beta - solved."""


def laplace_beta(a, b):
    # d/dtheta log p = (a-1)/theta - (b-1)/(1-theta) = 0  =>  theta = (a-1)/(a+b-2)
    mode = (a - 1) / (a + b - 2)
    # d2/dtheta2 log p = -(a-1)/theta**2 - (b-1)/(1-theta)**2 < 0
    curvature = -(a - 1) / mode**2 - (b - 1) / (1 - mode) ** 2
    return mode, -1.0 / curvature
