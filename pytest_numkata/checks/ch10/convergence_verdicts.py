"""Hidden checks for ch10/convergence_verdicts.

Oracle: each verdict is derived in the check from the test that settles it, evaluated with
exact or high-precision arithmetic: the p of the p-series, the limit of the ratio
abs(a_{n+1} / a_n) (mpmath.limit) and, for the alternating series, that abs(a_n) decreases to 0.
"""

import functools
import mpmath

from pytest_numkata.checking import answer_entries, expect, expect_answer_equal

VERDICTS = ("converges", "diverges")


def _ratio_limit(a):
    with mpmath.workdps(30):
        return mpmath.limit(lambda n: abs(a(n + 1) / a(n)), mpmath.inf)


@functools.cache  # the same for every answer graded in this process
def _expected():
    p = mpmath.mpf(3) / 2
    a = "converges" if p > 1 else "diverges"
    L_b = _ratio_limit(lambda n: n / mpmath.e**n)
    b = "converges" if L_b < 1 else "diverges"
    # (c): abs(a_n) = 1/sqrt(n) is decreasing and its limit is 0.
    terms = [1 / mpmath.sqrt(n) for n in range(1, 200)]
    decreasing = all(x > y for x, y in zip(terms, terms[1:]))
    # 1/sqrt(n) <= 10**-k / 2 for every n >= 4 * 10**(2k): it falls below any bound.
    to_zero = all(1 / mpmath.sqrt(4 * mpmath.mpf(10) ** (2 * k)) < mpmath.mpf(10) ** -k
                  for k in (1, 10, 100))
    c = "converges" if decreasing and to_zero else "diverges"
    # (d): the ratio (n + 1) / 2 grows without bound; check it passes every bound we try.
    ratio_d = [mpmath.factorial(n + 1) / 2 ** (n + 1) / (mpmath.factorial(n) / 2**n)
               for n in (10, 100, 1000)]
    d = "diverges" if ratio_d[0] > 1 and ratio_d[0] < ratio_d[1] < ratio_d[2] else "converges"
    return (a, b, c, d)


def _verdict_mistake(position, wrong):
    return lambda got: got[position] == wrong


def gives_the_four_verdicts(kata):
    got = answer_entries(kata, 4, "(the verdicts for series (a)-(d))", numbers_only=False)
    bad = [v for v in got if v not in VERDICTS]
    expect(not bad, f"each verdict is exactly \"converges\" or \"diverges\" (lower case); "
                    f"{bad[0]!r} is neither" if bad else "")
    expected = _expected()
    expect_answer_equal(
        tuple(got),
        expected,
        names=("a", "b", "c", "d"),
        mistakes={
            "(d) n!/2**n: the terms grow without bound (the ratio (n+1)/2 passes every number), "
            "and a series whose terms do not go to 0 cannot converge":
                _verdict_mistake(3, "converges"),
            "(c) (-1)**n/sqrt(n): the signs alternate and 1/sqrt(n) decreases to 0, so the series "
            "converges - only not absolutely (sum 1/sqrt(n) is a p-series with p = 1/2, which "
            "diverges)": _verdict_mistake(2, "diverges"),
            "(a) 1/n**(3/2) is a p-series with p = 3/2 > 1, so it converges (the harmonic "
            "series p = 1 is the borderline that diverges)": _verdict_mistake(0, "diverges"),
            "(b) n/e**n: the ratio (n+1)/(n e) tends to 1/e < 1, so it converges":
                _verdict_mistake(1, "diverges"),
        },
    )
