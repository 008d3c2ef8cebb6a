"""ch10/riemann_rearrangement - same terms, different order, different sum (Build).

The alternating harmonic series 1 - 1/2 + 1/3 - 1/4 + ... converges to ln 2, but only
conditionally: its positive terms alone and its negative terms alone both diverge. Riemann's
rearrangement theorem says that such a series can be reordered to converge to any value you
like. A simple family of reorderings takes p positive terms, then q negative terms, and repeats:

    positive terms, in order:   1, 1/3, 1/5, 1/7, ...      (1 / (2k - 1), k = 1, 2, ...)
    negative terms, in order:  -1/2, -1/4, -1/6, ...        (-1 / (2k),   k = 1, 2, ...)

Each of the two sequences continues where it stopped; no term is used twice. For p = 2, q = 1
the start is 1 + 1/3 - 1/2 + 1/5 + 1/7 - 1/4 + ...

Contract
--------
rearranged_sum(p, q, cycles) -> float
    `p` and `q` are ints with 1 <= p, q <= 10, and `cycles` is an int with
    0 <= cycles <= 100_000. One cycle adds the next p positive terms and then the next q
    negative terms. Returns the partial sum after `cycles` cycles (p*cycles positive and
    q*cycles negative terms in all; 0 cycles give 0) as a number, within 1e-9 relative of the
    exact value (or 1e-12 absolute, which only matters when the sum is close to 0).

Stuck? `numkata hint ch10/riemann_rearrangement` shows one hint at a time.
"""


def rearranged_sum(p, q, cycles):
    raise NotImplementedError
