"""Other correct forms of (converges, spectral_radius) for Jacobi on [[1, 2], [2, 1]]."""

from fractions import Fraction


class _Source:
    """An answer written as source text (the harness writes ``ANSWER = repr(value)``)."""

    def __init__(self, text):
        self.text = text

    def __repr__(self):
        return self.text


ANSWERS = [
    (False, 2.0),
    (False, 2),
    (False, Fraction(2)),
    # computed with NumPy: rho is a numpy.float64 and rho < 1 a numpy.bool_
    _Source("(lambda rho: (rho < 1, rho))("
            "max(abs(__import__('numpy').linalg.eigvals([[0.0, 2.0], [2.0, 0.0]]))))"),
]
