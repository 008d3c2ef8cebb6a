"""Known-buggy linear_attention solutions. Each must be rejected; `expect` is the named mistake."""

import numpy as np


def forms_the_weight_matrix(Q, K, V):
    W = 1.0 + Q @ K.T  # n x n
    return (W @ V) / W.sum(axis=1, keepdims=True)


forms_the_weight_matrix.expect = "this forms the n x n matrix: linear attention must not"


def divides_by_n(Q, K, V):
    n = K.shape[0]
    return (V.sum(axis=0) + Q @ (K.T @ V)) / n


divides_by_n.expect = "divided by n"


def forgets_the_one(Q, K, V):
    return (Q @ (K.T @ V)) / (Q @ K.sum(axis=0))[:, None]


forgets_the_one.expect = "the 1 of 1 + q"


def softmax_attention(Q, K, V):
    S = Q @ K.T
    W = np.exp(S - S.max(axis=1, keepdims=True))
    return (W @ V) / W.sum(axis=1, keepdims=True)


softmax_attention.expect = "softmax attention"


def chunked_weight_matrix(Q, K, V):
    out = np.empty((Q.shape[0], V.shape[1]))
    for start in range(0, Q.shape[0], 2048):
        W = 1.0 + Q[start:start + 2048] @ K.T  # 2048 x n blocks: still quadratic work
        out[start:start + 2048] = (W @ V) / W.sum(axis=1, keepdims=True)
    return out


chunked_weight_matrix.expect = "this forms the n x n matrix: linear attention must not"


def centres_v_in_place(Q, K, V):
    import numpy as np

    Q = np.asarray(Q, dtype=np.float64)
    K = np.asarray(K, dtype=np.float64)
    n = K.shape[0]
    mean = V.mean(axis=0)
    V -= mean  # the caller's V: the weights of each row sum to 1, so the mean is added back
    out = (V.sum(axis=0) + Q @ (K.T @ V)) / (n + Q @ K.sum(axis=0))[:, None]
    return out + mean


centres_v_in_place.expect = "in place"


def squeezes_a_single_value_column(Q, K, V):
    import numpy as np

    Q = np.asarray(Q, dtype=np.float64)
    K = np.asarray(K, dtype=np.float64)
    V = np.asarray(V, dtype=np.float64)
    n = K.shape[0]
    out = (V.sum(axis=0) + Q @ (K.T @ V)) / (n + Q @ K.sum(axis=0))[:, None]
    return np.squeeze(out, axis=1) if out.shape[1] == 1 else out


squeezes_a_single_value_column.expect = None
