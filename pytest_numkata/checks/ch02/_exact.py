"""Exact rational linear algebra for the chapter 02 oracles (small matrices only)."""

from fractions import Fraction


def to_fractions(A):
    """The matrix `A` (rows of numbers or decimal strings) as exact Fractions."""
    return [[Fraction(v) if isinstance(v, str) else Fraction(float(v)) for v in row] for row in A]


def inverse(A):
    """The exact inverse of the square matrix `A` (Fractions), or None when it is singular."""
    n = len(A)
    M = [list(row) + [Fraction(int(i == j)) for j in range(n)] for i, row in enumerate(A)]
    for col in range(n):
        pivot = next((r for r in range(col, n) if M[r][col] != 0), None)
        if pivot is None:
            return None
        M[col], M[pivot] = M[pivot], M[col]
        p = M[col][col]
        M[col] = [v / p for v in M[col]]
        for r in range(n):
            if r != col and M[r][col] != 0:
                f = M[r][col]
                M[r] = [a - f * b for a, b in zip(M[r], M[col])]
    return [row[n:] for row in M]


def inf_norm(A):
    """Largest absolute row sum."""
    return max(sum(abs(v) for v in row) for row in A)


def one_norm(A):
    """Largest absolute column sum."""
    return max(sum(abs(row[j]) for row in A) for j in range(len(A[0])))


def cond_inf(A):
    """Exact infinity-norm condition number of `A` (Fractions); None when singular."""
    inv = inverse(A)
    return None if inv is None else inf_norm(A) * inf_norm(inv)
