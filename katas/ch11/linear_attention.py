"""ch11/linear_attention - attention in linear time from a first-order Taylor step (Build).

Softmax attention weights key j for query i by e^(q_i . k_j). Replace the exponential by its
first-order Taylor polynomial, e^s ~ 1 + s, and row i of the output becomes

    out_i = sum_j (1 + q_i . k_j) v_j  /  sum_j (1 + q_i . k_j).

Written like that it needs the n x n matrix of weights: for n = 200,000 tokens that is
4 * 10^10 numbers, 320 GB in float64. But the weights are linear in q_i, so the sums over j
can be done once for all queries: sum_j (q_i . k_j) v_j = q_i^T (sum_j k_j v_j^T), and
sum_j (q_i . k_j) = q_i . (sum_j k_j). That is the whole trick of linear attention.

Contract
--------
linear_attention(Q, K, V) -> numpy.ndarray
    Q and K are float arrays of shape (n, d), V of shape (n, dv). Returns the float array of
    shape (n, dv) whose row i is out_i above. The checks only use Q and K with nonnegative
    entries, so every denominator sum_j (1 + q_i . k_j) is at least n (never near 0).
    Each entry is within 1e-9 * max|V| (absolute) of the exact value.
    Time and memory must be O(n * d * dv): it is called with n = 200,000 (d = 4, dv = 3)
    while the process may grow by at most 512 MB, so an n x n array (or large blocks of
    one) cannot even be allocated.
    Q, K and V are not modified.

Stuck? `numkata hint ch11/linear_attention` shows one hint at a time.
"""

import numpy as np


def linear_attention(Q, K, V):
    raise NotImplementedError
