"""ch11/linear_attention - solved."""

import numpy as np


def linear_attention(Q, K, V):
    Q = np.asarray(Q, dtype=np.float64)
    K = np.asarray(K, dtype=np.float64)
    V = np.asarray(V, dtype=np.float64)
    n = K.shape[0]
    KV = K.T @ V  # (d, dv): sum_j k_j v_j^T
    k_sum = K.sum(axis=0)  # (d,): sum_j k_j
    numerator = V.sum(axis=0) + Q @ KV  # (n, dv): sum_j (1 + q_i . k_j) v_j
    denominator = n + Q @ k_sum  # (n,): sum_j (1 + q_i . k_j)
    return numerator / denominator[:, None]
