"""Hidden checks for ch10/riemann_rearrangement.

Oracles: for a few cycles, the exact rational sum (fractions.Fraction) term by term. For many
cycles, harmonic numbers in mpmath at 40 digits: the first P positive terms sum to
H(2P) - H(P)/2 and the first Q negative ones to -H(Q)/2, with P = p*cycles, Q = q*cycles.
The two agree to 1e-15 where both can be computed.
"""

from fractions import Fraction

import mpmath
from hypothesis import given
from hypothesis import strategies as st

from pytest_numkata.checking import call, expect_close, is_close

RTOL, ATOL = 1e-9, 1e-12


def _exact(p, q, cycles):
    total, odd, even = Fraction(0), 1, 2
    for _ in range(cycles):
        for _ in range(p):
            total += Fraction(1, odd)
            odd += 2
        for _ in range(q):
            total -= Fraction(1, even)
            even += 2
    return float(total)


def _harmonic(p, q, cycles, swap=False):
    """The sum from harmonic numbers; swap=True uses the even terms as positive ones."""
    P, Q = p * cycles, q * cycles
    with mpmath.workdps(40):
        H = mpmath.harmonic
        if swap:  # +1/2, +1/4, ... (p of them a cycle) and -1, -1/3, ... (q of them)
            return float(H(P) / 2 - (H(2 * Q) - H(Q) / 2))
        return float(H(2 * P) - H(P) / 2 - H(Q) / 2)


def _restarting(p, q, cycles):
    """Every cycle starts the two term sequences again at 1 and -1/2."""
    one = sum(Fraction(1, 2 * k - 1) for k in range(1, p + 1)) - sum(
        Fraction(1, 2 * k) for k in range(1, q + 1))
    return float(cycles * one)


def _is(value_fn, *args):
    return lambda got: is_close(got, value_fn(*args), RTOL, ATOL)


def _mistakes(p, q, cycles, oracle):
    return {
        "the signs are on the wrong terms: the positive terms are the odd reciprocals 1, 1/3, "
        "1/5, ... and the negative ones -1/2, -1/4, ...": _is(_harmonic, p, q, cycles, True),
        "the term sequences restart every cycle: each cycle must continue where the last one "
        "stopped, so no term is used twice": _is(_restarting, p, q, cycles),
        "off by one cycle: `cycles` full cycles of p positive then q negative terms":
            lambda got: (cycles > 0 and is_close(got, oracle(p, q, cycles - 1), RTOL, ATOL))
            or is_close(got, oracle(p, q, cycles + 1), RTOL, ATOL),
    }


def _check(kata, p, q, cycles, oracle):
    expect_close(call(kata.rearranged_sum, p, q, cycles), oracle(p, q, cycles), rtol=RTOL,
                 atol=ATOL, mistakes=_mistakes(p, q, cycles, oracle))


def matches_small_examples_exactly(kata):
    for p, q, cycles in ((1, 1, 1), (1, 1, 4), (2, 1, 1), (2, 1, 3), (1, 2, 5), (3, 5, 9),
                         (10, 1, 7), (1, 10, 7), (4, 4, 12)):
        _check(kata, p, q, cycles, _exact)


def gives_zero_for_zero_cycles(kata):
    for p, q in ((1, 1), (2, 1), (7, 3)):
        _check(kata, p, q, 0, _exact)


def matches_many_cycles(kata):
    for p, q, cycles in ((1, 1, 100_000), (1, 4, 20_000), (3, 2, 10_000), (10, 10, 1_000),
                         (1, 2, 9_999)):
        _check(kata, p, q, cycles, _harmonic)


def two_up_one_down_approaches_three_halves_ln_2(kata):
    # A consequence of the contract: the sums tend to ln 2 + ln(p/q) / 2, here (3/2) ln 2,
    # and after 100000 cycles are within 1e-5 of it.
    got = call(kata.rearranged_sum, 2, 1, 100_000)
    limit = 1.5 * float(mpmath.log(2))
    expect_close(got, limit, atol=1e-5, rtol=0,
                 mistakes=_mistakes(2, 1, 100_000, _harmonic))


@given(st.integers(1, 5), st.integers(1, 5), st.integers(0, 25))
def matches_the_exact_sum_for_any_pattern(kata, p, q, cycles):
    _check(kata, p, q, cycles, _exact)
