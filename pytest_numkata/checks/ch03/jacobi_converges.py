"""Hidden checks for ch03/jacobi_converges.

Oracle: the eigenvalues of D⁻¹(L + U) from mpmath.eig at 30 digits (so the expected value
prints as 2.0, not numpy's 2.0000000000000004); the verdict is ρ < 1, and a short run of Jacobi
from a generic start confirms it.
"""

import mpmath
import numpy as np

from pytest_numkata.checking import answer_entries, expect, expect_answer_close, expect_answer_equal

A = np.array([[1.0, 2.0], [2.0, 1.0]])


def _rho(M):
    with mpmath.workdps(30):
        eigenvalues, _ = mpmath.eig(mpmath.matrix(np.asarray(M, dtype=float).tolist()))
        return float(max(abs(e) for e in eigenvalues))


def _jacobi_matrix(A):
    D = np.diag(np.diag(A))
    return np.linalg.solve(D, A - D)


def _diverges_in_practice(A):
    b = np.array([1.0, -0.5])
    x = np.array([0.3, 0.7])
    d = np.diag(A)
    for _ in range(60):
        x = (b - (A @ x - d * x)) / d
    return not np.allclose(x, np.linalg.solve(A, b))


def _answer(kata):
    value = answer_entries(kata, 2, "(converges, spectral_radius)", numbers_only=False)
    expect(isinstance(value[0], (bool, np.bool_)),
           f"the first entry, converges, should be a bool (True or False), not "
           f"{type(value[0]).__name__} {value[0]!r}")
    return value


def says_whether_it_converges(kata):
    converges, _ = _answer(kata)
    rho = _rho(_jacobi_matrix(A))
    verdict = rho < 1
    assert verdict == (not _diverges_in_practice(A))
    expect_answer_equal(
        bool(converges),
        verdict,
        entry=0, label="(converges)",
        mistakes={
            "ρ(D⁻¹(L + U)) is greater than 1 here, so the error grows with each step; A is not "
            "diagonally dominant (1 < 2)": True,
        },
    )


def matches_the_spectral_radius(kata):
    _, radius = _answer(kata)
    M = _jacobi_matrix(A)
    expect_answer_close(
        radius,
        _rho(M),
        rtol=1e-6,
        entry=1, label="(spectral_radius)",
        mistakes={
            "that is the spectral radius of A itself; the question is about the iteration "
            "matrix D⁻¹(L + U)": _rho(A),
            "the iteration matrix divides the off-diagonal entries by the diagonal "
            "(D⁻¹(L + U) = [[0, 2], [2, 0]] here), not the other way round": _rho(np.linalg.inv(M)),
            "the spectral radius is the largest ABSOLUTE value of an eigenvalue":
                lambda got: np.isclose(float(got), -_rho(M)),
            "that is ρ squared: the eigenvalues of [[0, a], [b, 0]] are ±√(ab)": _rho(M) ** 2,
        },
    )
