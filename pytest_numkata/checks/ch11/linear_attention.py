"""Hidden checks for ch11/linear_attention.

Oracle: the explicit formula. For small n the check builds the n x n weight matrix
W = 1 + Q K^T and returns W V / (row sums of W); for n = 200,000 it computes a handful of rows
one at a time (a weight vector of length n each). The large call runs with the address space
capped (RLIMIT_AS) at 512 MB above the current size, restored afterwards, so a quadratic
solution fails fast with MemoryError instead of exhausting the machine.
"""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from pytest_numkata.checking import LearnerCrash, call, expect, expect_close, fail
from pytest_numkata.sandbox.limits import address_space_cap

TOL = 1e-9
HEADROOM = 512 * 2**20
QUADRATIC = ("this forms the n x n matrix: linear attention must not - its point is that "
             "sum_j (1 + q_i . k_j) v_j = sum_j v_j + q_i^T (K^T V), so only d x dv and d-sized "
             "sums over j are needed")


def _inputs(n, d, dv, seed):
    rng = np.random.default_rng(seed)
    return rng.uniform(0, 1, (n, d)), rng.uniform(0, 1, (n, d)), rng.uniform(-1, 1, (n, dv))


def _explicit(Q, K, V):
    W = 1.0 + Q @ K.T
    return (W @ V) / W.sum(axis=1, keepdims=True)


def _mistakes(Q, K, V):
    W = 1.0 + Q @ K.T
    S = Q @ K.T
    E = np.exp(S - S.max(axis=1, keepdims=True))
    return {
        "divided by n: the denominator is sum_j (1 + q_i . k_j), which depends on i":
            (W @ V) / K.shape[0],
        "the 1 of 1 + q_i . k_j is missing: the weights are 1 + q_i . k_j, the first-order "
        "Taylor polynomial of e**(q_i . k_j)": (S @ V) / S.sum(axis=1, keepdims=True),
        "that is softmax attention (weights e**(q . k)); this kata replaces e**s by 1 + s":
            (E @ V) / E.sum(axis=1, keepdims=True),
        "the weights were not normalised: divide by sum_j (1 + q_i . k_j)": W @ V,
    }


def _check(kata, Q, K, V):
    got = call(kata.linear_attention, Q, K, V, unchanged=True)
    expect_close(got, _explicit(Q, K, V), rtol=0, atol=TOL * np.abs(V).max(),
                 mistakes=_mistakes(Q, K, V))
    return got


def matches_the_explicit_formula(kata):
    for n, d, dv, seed in [(1, 1, 1, 0), (3, 2, 2, 1), (5, 4, 3, 2), (16, 8, 5, 3),
                           (40, 3, 1, 4)]:
        _check(kata, *_inputs(n, d, dv, seed))


def handles_one_query_one_key(kata):
    Q, K, V = np.array([[2.0]]), np.array([[3.0]]), np.array([[-1.5, 4.0]])
    _check(kata, Q, K, V)  # a single key gets all the weight: out = V


def equal_keys_give_the_mean_of_values(kata):
    rng = np.random.default_rng(5)
    Q = rng.uniform(0, 1, (4, 3))
    K = np.tile(rng.uniform(0, 1, 3), (6, 1))
    V = rng.uniform(-1, 1, (6, 2))
    got = _check(kata, Q, K, V)
    expect(np.allclose(got, V.mean(axis=0), rtol=0, atol=TOL * np.abs(V).max()),
           "with every key equal, all weights in a row are equal and each row is mean(V)")


@given(st.integers(1, 12), st.integers(1, 5), st.integers(1, 4), st.integers(0, 2**32 - 1))
def matches_the_explicit_formula_for_random_shapes(kata, n, d, dv, seed):
    rng = np.random.default_rng(seed)
    scale = rng.choice([1e-3, 1.0, 10.0])
    Q = rng.uniform(0, scale, (n, d))
    K = rng.uniform(0, scale, (n, d))
    V = rng.normal(size=(n, dv))
    _check(kata, Q, K, V)


def _call_capped(fn, *args):
    """Call ``fn`` with the address space capped at HEADROOM above its current size."""
    with address_space_cap(HEADROOM):
        return call(fn, *args)


def runs_for_200000_tokens_without_an_n_by_n_matrix(kata):
    n = 200_000
    Q, K, V = _inputs(n, 4, 3, 6)
    rows = [0, 1, 12_345, 99_999, n - 1]
    expected = []
    for i in rows:  # the explicit formula one row at a time: O(n) memory per row
        w = 1.0 + K @ Q[i]
        expected.append((w @ V) / w.sum())
    try:
        got = _call_capped(kata.linear_attention, Q, K, V)
    except LearnerCrash as crash:
        if isinstance(crash.error, MemoryError):
            fail(f"linear_attention(Q, K, V) with n = {n}, d = 4, dv = 3\n"
                 f"  raised MemoryError\n  likely mistake: {QUADRATIC}")
        raise
    got = np.asarray(got)
    expect(got.shape == (n, 3), f"expected an array of shape ({n}, 3), got shape {got.shape}")
    expect_close(got[rows], np.array(expected), rtol=0, atol=TOL * np.abs(V).max(),
                 what=f"linear_attention(Q, K, V) with n = {n}, rows {rows}")
