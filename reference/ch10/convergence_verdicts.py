"""ch10/convergence_verdicts - solved."""

# (a) p-series with p = 3/2 > 1.
# (b) ratio test: (n + 1) / (n e) -> 1/e < 1.
# (c) alternating series test: 1/sqrt(n) decreases to 0 (conditionally convergent: the
#     absolute values form the p = 1/2 series, which diverges).
# (d) ratio test: (n + 1) / 2 -> infinity; the terms themselves grow without bound.
ANSWER = ("converges", "converges", "converges", "diverges")
