"""Other correct forms of (converges, spectral_radius) for Jacobi on [[1, 2], [2, 1]]."""

from fractions import Fraction

from pytest_numkata.authoring.gauntlet import Source

ANSWERS = [
    (False, 2.0),
    (False, 2),
    (False, Fraction(2)),
    # computed with NumPy: rho is a numpy.float64 and rho < 1 a numpy.bool_
    Source("(lambda rho: (rho < 1, rho))("
            "max(abs(__import__('numpy').linalg.eigvals([[0.0, 2.0], [2.0, 0.0]]))))"),
]
