"""Exact Jacobi and Gauss-Seidel sweeps for the chapter 03 oracles (fractions)."""

from fractions import Fraction

WORKED_A = [[4, 1], [1, 3]]
WORKED_B = [9, 11]


def _frac(v):
    return Fraction(v) if isinstance(v, int) else Fraction(float(v))


def jacobi(A, b, x):
    """One exact Jacobi sweep: every component from the old x."""
    A = [[_frac(v) for v in row] for row in A]
    b = [_frac(v) for v in b]
    x = [_frac(v) for v in x]
    n = len(b)
    return [(b[i] - sum(A[i][j] * x[j] for j in range(n) if j != i)) / A[i][i] for i in range(n)]


def gauss_seidel(A, b, x):
    """One exact Gauss-Seidel sweep: components already updated in this sweep are used."""
    A = [[_frac(v) for v in row] for row in A]
    b = [_frac(v) for v in b]
    x = [_frac(v) for v in x]
    n = len(b)
    for i in range(n):
        x[i] = (b[i] - sum(A[i][j] * x[j] for j in range(n) if j != i)) / A[i][i]
    return x


def iterates(step, x0, k, A=WORKED_A, b=WORKED_B):
    """[x(0), x(1), ..., x(k)] of `step` on the system A x = b."""
    xs = [[_frac(v) for v in x0]]
    for _ in range(k):
        xs.append(step(A, b, xs[-1]))
    return xs
