"""Hidden checks for ch08/spmv.

Oracles: scipy.sparse's CSR product (csr_array built here from the same three arrays) and the
dense product A @ x in NumPy. The tolerance is the docstring's: 1e-10 times the largest row sum
of abs(values[k] * x[col_idx[k]]).
"""

import time

import numpy as np
import scipy.sparse as sp
from hypothesis import given
from hypothesis import strategies as st

from pytest_numkata.checking import (KataFailure, LearnerCrash, call, expect, expect_close,
                                     fail)

from pytest_numkata.sandbox.limits import MB, TooSlow, address_space_cap, time_limit

TOL = 1e-10
BIG_N = 10**6
BIG_NNZ = 10**5
BIG_SECONDS = 30.0  # per-row NumPy calls need 5-15 s; a (row, column) loop needs days
BIG_MARGIN = 400 * MB  # the docstring promises 200 MB are enough; the cap leaves twice that
# A first, smaller case: at the pace the contract allows (linear, 30 s for 10**6 rows and
# columns) 3000 of each take under 0.1 s; the limit leaves ten times that. A (row, column)
# loop needs 9 million steps here - seconds - so it is reported in 1 s, not after 30.
PROBE_N = 3000
PROBE_NNZ = 3000
PROBE_SECONDS = 1.0

DENSIFIES = "this densifies the matrix: SpMV must be O(nnz)"
TOO_SLOW = ("it visits every (row, column) pair instead of the stored entries: "
            "SpMV must be O(nnz)")


def _csr(dense):
    a = sp.csr_array(np.asarray(dense, dtype=float))
    return a.data.copy(), a.indices.copy(), a.indptr.copy()


def _oracle(values, col_idx, row_ptr, x):
    values = np.asarray(values, dtype=float)
    x = np.asarray(x, dtype=float)
    rows = len(row_ptr) - 1
    a = sp.csr_array((values, np.asarray(col_idx), np.asarray(row_ptr)), shape=(rows, len(x)))
    abs_a = sp.csr_array((np.abs(values), np.asarray(col_idx), np.asarray(row_ptr)),
                         shape=(rows, len(x)))
    scale = float(np.max(abs_a @ np.abs(x), initial=0.0))
    return np.asarray(a @ x, dtype=float).reshape(rows), scale


def _mistakes(expected, scale):
    atol = TOL * scale

    def close(got, want):
        return got is not None and np.shape(got) == np.shape(want) and np.allclose(
            np.asarray(got, dtype=float), want, rtol=0, atol=atol)

    def last_row_missing(got):
        if len(expected) == 0 or expected[-1] == 0:
            return False
        if np.shape(got) == (len(expected) - 1,):
            return close(got, expected[:-1])
        g = np.asarray(got, dtype=float)
        return g.shape == expected.shape and g[-1] == 0 and close(g[:-1], expected[:-1])

    return {
        "the last row is missing: there are len(row_ptr) - 1 rows, and the loop must include "
        "the last one": last_row_missing,
        "each row sums everything before row_ptr[i+1]: row i must use only positions "
        "row_ptr[i] .. row_ptr[i+1] - 1": lambda got: np.count_nonzero(expected) > 1 and close(
            got, np.cumsum(expected)) and not close(got, expected),
    }


def _check(kata, values, col_idx, row_ptr, x):
    expected, scale = _oracle(values, col_idx, row_ptr, x)
    got = call(kata.spmv, values, col_idx, row_ptr, x, unchanged=True)
    expect_close(got, expected, rtol=0, atol=TOL * scale, mistakes=_mistakes(expected, scale))
    expect(isinstance(got, np.ndarray) and got.dtype == np.float64,
           f"returned a {type(got).__name__}"
           f"{' of dtype ' + str(got.dtype) if isinstance(got, np.ndarray) else ''}: "
           f"the contract asks for a float64 NumPy array (e.g. np.zeros(rows) to start with)")


def matches_the_worked_examples(kata):
    a = [[1, 0, 2], [0, 3, 0], [4, 0, 5]]
    _check(kata, *_csr(a), np.array([1.0, -2.0, 0.5]))
    b = [[0, 0, 3, 0], [2, 0, 0, 0], [0, 0, 0, 0], [0, 4, 0, 1]]
    _check(kata, *_csr(b), np.array([1.0, 2.0, 3.0, 4.0]))


def accepts_python_lists(kata):
    # the 4x4 example exactly as a learner would type it, integer values included
    _check(kata, [3, 2, 4, 1], [2, 0, 1, 3], [0, 1, 2, 2, 4], [1.0, 2.0, 3.0, 4.0])


def matches_scipy_on_random_matrices(kata):
    rng = np.random.default_rng(20240808)
    for rows, cols, density in [(50, 40, 0.1), (40, 50, 0.3), (1, 200, 0.05), (200, 1, 0.5),
                                (30, 30, 0.9), (64, 64, 0.02)]:
        a = sp.random_array((rows, cols), density=density, format="csr", rng=rng)
        a.data = rng.uniform(-10, 10, a.nnz)
        x = rng.uniform(-10, 10, cols)
        _check(kata, a.data.copy(), a.indices.copy(), a.indptr.copy(), x)


def handles_empty_rows(kata):
    rng = np.random.default_rng(808)
    dense = rng.uniform(-5, 5, (12, 7))
    dense[rng.uniform(size=dense.shape) < 0.6] = 0.0
    dense[[0, 3, 4, 11]] = 0.0  # empty first, middle and last rows
    _check(kata, *_csr(dense), rng.uniform(-5, 5, 7))


def handles_all_zero_and_empty_matrices(kata):
    _check(kata, *_csr(np.zeros((3, 4))), np.array([1.0, 2.0, 3.0, 4.0]))  # nnz = 0
    _check(kata, *_csr(np.zeros((0, 3))), np.array([1.0, 2.0, 3.0]))  # no rows
    _check(kata, *_csr(np.zeros((2, 0))), np.zeros(0))  # no columns
    _check(kata, *_csr(np.zeros((0, 0))), np.zeros(0))
    _check(kata, *_csr([[7.0]]), np.array([-3.0]))


# mostly zeros; a few values of different sizes (sampled, which keeps examples cheap)
ENTRIES = (0.0,) * 5 + (1.0, -2.5, 0.1, 3.75, -40.0, 1e-3, 123.456)


@st.composite
def _sparse_problem(draw):
    rows = draw(st.integers(0, 5))
    cols = draw(st.integers(0, 5))
    dense = np.array(draw(st.lists(st.sampled_from(ENTRIES), min_size=rows * cols,
                                   max_size=rows * cols)), dtype=float).reshape(rows, cols)
    x = np.array(draw(st.lists(st.integers(-1000, 1000), min_size=cols, max_size=cols)),
                 dtype=float) / 8
    return dense, x


@given(_sparse_problem())
def agrees_with_the_dense_product(kata, problem):
    dense, x = problem
    values, col_idx, row_ptr = _csr(dense)
    expected = dense @ x if dense.size else np.zeros(dense.shape[0])
    scale = float(np.max(np.abs(dense) @ np.abs(x), initial=0.0)) if dense.size else 0.0
    got = call(kata.spmv, values, col_idx, row_ptr, x, unchanged=True)
    expect_close(got, expected, rtol=0, atol=TOL * scale, mistakes=_mistakes(expected, scale))


def _meets_the_contract_on_a_small_matrix(kata) -> bool:
    """The first worked example, checked as the other checks do. A wrong spmv fails those;
    waiting up to 30 s for it on the big case would tell the learner nothing more."""
    try:
        _check(kata, *_csr([[1, 0, 2], [0, 3, 0], [4, 0, 5]]), np.array([1.0, -2.0, 0.5]))
    except (KataFailure, LearnerCrash):
        return False
    return True


def _random_problem(n, nnz, seed):
    rng = np.random.default_rng(seed)
    r = rng.integers(0, n, nnz)
    c = rng.integers(0, n, nnz)
    a = sp.coo_array((rng.uniform(-1, 1, nnz), (r, c)), shape=(n, n)).tocsr()
    a.sum_duplicates()
    return a.data, a.indices, a.indptr, rng.uniform(-1, 1, n)


def _probe_problem():
    return _random_problem(PROBE_N, PROBE_NNZ, 3000)


def _big_problem():
    return _random_problem(BIG_N, BIG_NNZ, 1_000_000)


def works_on_a_million_by_million_matrix_in_o_nnz(kata):
    """10**6 x 10**6 with 10**5 non-zeros, within the docstring's 30 s and 200 MB.

    Fair because the contract promises O(nnz + rows + len(x)) time and memory: a Python loop
    over the rows needs 1-4 s, a NumPy slice sum per row 5-15 s, vectorised NumPy or
    scipy.sparse well under 0.1 s. The address
    space is capped at its current size + 400 MB only around the learner's call, so a dense
    8 TB matrix raises MemoryError at once (NumPy refuses it even without the cap); a
    rows x columns double loop is stopped by the time limit instead of running for days.
    Tried only once spmv is right on the first worked example, so a wrong spmv is reported
    at once rather than after up to 30 s; and after a 3000 x 3000 case, which the contract's
    linear cost finishes in under 0.1 s, so that a (row, column) loop is stopped after 1 s.
    """
    if not _meets_the_contract_on_a_small_matrix(kata):
        fail(f"the {BIG_N} x {BIG_N} case was not run: spmv does not yet meet its contract on "
             f"a 3 x 3 matrix (see the other checks); it runs, for up to {BIG_SECONDS:g} s, "
             f"once they pass")
    probe = _probe_problem()
    try:
        with time_limit(PROBE_SECONDS):
            call(kata.spmv, *probe)
    except TooSlow:
        fail(f"spmv(values, col_idx, row_ptr, x) for a {PROBE_N} x {PROBE_N} matrix with "
             f"{len(probe[0])} non-zeros\n  did not finish within {PROBE_SECONDS:g} s - at "
             f"that pace the {BIG_N} x {BIG_N} case cannot finish within {BIG_SECONDS:g} s\n"
             f"  likely mistake: {TOO_SLOW}")
    values, col_idx, row_ptr, x = _big_problem()
    expected, scale = _oracle(values, col_idx, row_ptr, x)
    what = (f"spmv(values, col_idx, row_ptr, x) for a {BIG_N} x {BIG_N} matrix with "
            f"{len(values)} non-zeros")
    start = time.perf_counter()
    try:
        with address_space_cap(BIG_MARGIN), time_limit(BIG_SECONDS):
            got = call(kata.spmv, values, col_idx, row_ptr, x)
    except LearnerCrash as exc:
        if isinstance(exc.error, MemoryError):
            fail(f"{what}\n  raised MemoryError: {exc.error}\n  likely mistake: {DENSIFIES} "
                 f"- a dense copy of this matrix needs 8 TB; loop over the stored entries only")
        raise
    except MemoryError as exc:  # raised outside the learner's frame, e.g. while unwinding
        fail(f"{what}\n  ran out of memory ({exc})\n  likely mistake: {DENSIFIES}")
    except TooSlow:
        fail(f"{what}\n  did not finish within {BIG_SECONDS:g} s\n  likely mistake: {TOO_SLOW}")
    elapsed = time.perf_counter() - start
    if elapsed > BIG_SECONDS:
        fail(f"{what}\n  took {elapsed:.1f} s, more than {BIG_SECONDS:g} s\n"
             f"  likely mistake: {TOO_SLOW}")
    expect_close(got, expected, rtol=0, atol=TOL * scale, what=what,
                 mistakes=_mistakes(expected, scale))
