"""Hidden checks for ch03/spectral_radius.

Oracle: numpy.linalg.eigvals of D⁻¹(L + U).
"""

import numpy as np

from pytest_numkata.checking import answer, expect_answer_close

A = np.array([[4.0, 1.0], [1.0, 3.0]])


def _rho(M):
    return float(np.max(np.abs(np.linalg.eigvals(M))))


def matches_the_spectral_radius(kata):
    D = np.diag(np.diag(A))
    M = np.linalg.solve(D, A - D)
    rho = _rho(M)
    expect_answer_close(
        answer(kata),
        rho,
        rtol=5e-4,
        mistakes={
            "that is the product ab = 1/12; the eigenvalues are ±√(ab), so take the square "
            "root": rho**2,
            "that is ‖M‖∞, the largest absolute row sum of M: an upper bound on ρ, not ρ itself":
                float(np.abs(M).sum(axis=1).max()),
            "that is ρ(A) itself; the question is about the iteration matrix D⁻¹(L + U)": _rho(A),
            "the spectral radius is the largest ABSOLUTE eigenvalue, so it is never negative":
                -rho,
        },
    )
