"""Other correct forms of (S, N) for the stalled BF16 running sum.

Computed here with exact rational arithmetic (round to 8 significant bits, ties to even),
independently of ml_dtypes.
"""

import math
from fractions import Fraction


def _round_bf16(q):
    if q == 0:
        return Fraction(0)
    e = math.floor(math.log2(q))
    while Fraction(2) ** e > q:
        e -= 1
    while Fraction(2) ** (e + 1) <= q:
        e += 1
    ulp = Fraction(2) ** (e - 7)
    n = q / ulp
    f = math.floor(n)
    r = n - f
    if r > Fraction(1, 2) or (r == Fraction(1, 2) and f % 2 == 1):
        f += 1
    return f * ulp


def _simulate():
    inc = _round_bf16(Fraction(0.001))
    s, k = Fraction(0), 0
    while True:
        t = _round_bf16(s + inc)
        if t == s:
            return s, k
        s, k = t, k + 1


_S, _N = _simulate()
ANSWERS = [
    (float(_S), _N),
    (_S, _N),
    (2 ** math.floor(math.log2(float(_S))) * 1.0, int(_N)),
]
