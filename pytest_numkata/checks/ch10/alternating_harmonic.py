"""Hidden checks for ch10/alternating_harmonic.

Oracle: mpmath.nsum of the alternating series itself (with its convergence acceleration) at
30 digits; the check also confirms it agrees with ln 2.
"""

import functools
import math

import mpmath

from pytest_numkata.checking import answer, expect_answer_close

RTOL = 1e-9


@functools.cache  # the same for every answer graded in this process
def _oracle():
    with mpmath.workdps(30):
        total = mpmath.nsum(lambda n: (-1) ** (n + 1) / n, [1, mpmath.inf])
        assert abs(total - mpmath.log(2)) < mpmath.mpf(10) ** -25
        return float(total)


def matches_the_sum_of_the_series(kata):
    exact = _oracle()
    expect_answer_close(
        answer(kata),
        exact,
        rtol=RTOL,
        mistakes={
            "that is 3/2 ln 2, the sum of a rearrangement (two positive terms, then one "
            "negative): in the given order the series sums to something else":
                1.5 * math.log(2),
            "the sign is flipped: the series starts 1 - 1/2 + ..., so it is positive":
                -exact,
            "the series converges - only not absolutely: the harmonic series 1 + 1/2 + ... "
            "diverges, the alternating one does not": lambda got: math.isinf(got),
            "close, but a partial sum or a rounded decimal is not the limit: after N terms the "
            "error is about 1/(2N). Which function has the series x - x**2/2 + x**3/3 - ...?":
                lambda got: abs(got - exact) < 1e-2,
        },
    )
