"""Known-buggy jacobi_step solutions. Each must be rejected; `expect` is the named mistake."""

import numpy as np


def gauss_seidel_sweep(A, b, x):
    A = np.asarray(A, dtype=float)
    b = np.asarray(b, dtype=float)
    x_new = np.array(x, dtype=float)
    for i in range(len(b)):
        s = sum(A[i, j] * x_new[j] for j in range(len(b)) if j != i)
        x_new[i] = (b[i] - s) / A[i, i]  # later rows see this updated value
    return x_new


gauss_seidel_sweep.expect = "Gauss-Seidel"


def keeps_the_diagonal_term(A, b, x):
    A, b, x = (np.asarray(v, dtype=float) for v in (A, b, x))
    return (b - A @ x) / np.diag(A)


keeps_the_diagonal_term.expect = "diagonal term stayed in the sum"


def forgets_to_divide(A, b, x):
    A, b, x = (np.asarray(v, dtype=float) for v in (A, b, x))
    return b - (A @ x - np.diag(A) * x)


forgets_to_divide.expect = "forgot to divide by the diagonal"


def updates_x_in_place(A, b, x):
    A = np.asarray(A, dtype=float)
    b = np.asarray(b, dtype=float)
    x = np.asarray(x, dtype=float)  # no copy for a float64 array
    d = np.diag(A)
    x[:] = (b - (A @ x - d * x)) / d
    return x


updates_x_in_place.expect = "in place"


def integer_result_for_integer_x(A, b, x):
    A = np.asarray(A, dtype=float)
    b = np.asarray(b, dtype=float)
    x_new = np.zeros_like(x)  # integer when x is a list of ints
    n = len(b)
    for i in range(n):
        s = 0.0
        for j in range(n):
            if j != i:
                s += A[i, j] * x[j]
        x_new[i] = (b[i] - s) / A[i, i]
    return x_new


integer_result_for_integer_x.expect = "float64"


def returns_a_list(A, b, x):
    n = len(b)
    return [(b[i] - sum(A[i][j] * x[j] for j in range(n) if j != i)) / A[i][i] for i in range(n)]


returns_a_list.expect = "NumPy array"


def arrays_only(A, b, x):
    import numpy as np

    if not all(isinstance(v, np.ndarray) for v in (A, b, x)):
        raise TypeError("pass NumPy arrays")
    d = np.diag(A).astype(float)
    return (b - (A @ x - d * x)) / d


arrays_only.expect = None


def drops_the_last_equation(A, b, x):
    import numpy as np

    A = np.asarray(A, dtype=float)
    b = np.asarray(b, dtype=float)
    x = np.asarray(x, dtype=float)
    out = x.copy()
    for i in range(len(b) - 1):  # the last row keeps its old value
        out[i] = (b[i] - sum(A[i, j] * x[j] for j in range(len(b)) if j != i)) / A[i, i]
    return out


drops_the_last_equation.expect = None
