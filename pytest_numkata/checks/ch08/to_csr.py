"""Hidden checks for ch08/to_csr.

Oracle: scipy.sparse.csr_array built from the same dense matrix (canonical CSR: row by row,
columns increasing, zeros dropped), and for the round trip a scipy CSR product compared with
the dense product A @ x.
"""

import numpy as np
import scipy.sparse as sp
from hypothesis import given
from hypothesis import strategies as st

from pytest_numkata.checking import call, expect, expect_close, fail, short_repr

TOL = 1e-10


def _oracle(dense):
    a = sp.csr_array(np.asarray(dense, dtype=float))
    return a.data, a.indices.astype(np.int64), a.indptr.astype(np.int64)


def _triple(got):
    if not (isinstance(got, tuple | list) and len(got) == 3):
        fail(f"to_csr returned {short_repr(got)}\n  expected a tuple (values, col_idx, row_ptr)")
    return got


def _same_ints(a, b):
    a = np.asarray(a)
    return a.shape == np.shape(b) and bool(np.array_equal(a, b))


def _same_values(a, b):
    a = np.asarray(a, dtype=float)
    return a.shape == np.shape(b) and bool(np.array_equal(a, b))


def _mistakes(dense):
    a = np.asarray(dense, dtype=float)
    v, c, r = _oracle(a)
    t = sp.csr_array(a.T)  # column-major scan of a = row-major scan of a.T
    kept = a.ravel()
    return {
        "row_ptr must start with 0: it has rows + 1 entries, row_ptr[i] being where row i starts":
            lambda got: _same_ints(got[2], r[1:]),
        "row_ptr must end with nnz = len(values): it has rows + 1 entries":
            lambda got: _same_ints(got[2], r[:-1]),
        "that is column-major order: CSR stores row by row, left to right inside a row":
            lambda got: not _same_values(got[0], v) and _same_values(got[0], t.data),
        "explicit zeros were kept: leave out every entry equal to 0 (-0.0 too)":
            lambda got: len(got[0]) > len(v) and (_same_values(got[0], kept)
                                                  or np.any(np.asarray(got[0]) == 0)),
        "row_ptr holds the count of each row; it should hold the running total from 0":
            lambda got: len(r) > 1 and _same_ints(got[2], np.diff(r)),
    }


def _check(kata, dense):
    v, c, r = _oracle(dense)
    got = _triple(call(kata.to_csr, dense, unchanged=True))
    correct = False
    try:
        correct = (_same_values(got[0], v) and _same_ints(got[1], c) and _same_ints(got[2], r))
    except Exception:  # noqa: BLE001 - a malformed result is judged below
        pass
    for text, test in ({} if correct else _mistakes(dense)).items():
        try:
            hit = test(got)
        except Exception:  # noqa: BLE001 - a malformed result is judged below
            hit = False
        if hit:
            fail(f"to_csr({short_repr(dense)})\n  returned  {short_repr(tuple(got))}\n"
                 f"  expected  {short_repr((v, c, r))}\n  likely mistake: {text}")
    values, col_idx, row_ptr = got
    for name, arr in (("values", values), ("col_idx", col_idx), ("row_ptr", row_ptr)):
        expect(isinstance(arr, np.ndarray) and arr.ndim == 1,
               f"{name} is {type(arr).__name__} {short_repr(arr)}: the contract asks for a 1-D "
               f"NumPy array")
    expect(values.dtype == np.float64,
           f"values has dtype {values.dtype}: the contract asks for float64 "
           f"(np.asarray(..., dtype=float))")
    for name, arr in (("col_idx", col_idx), ("row_ptr", row_ptr)):
        expect(arr.dtype.kind in "iu",
               f"{name} has dtype {arr.dtype}: the contract asks for an integer array")
    expect_close(row_ptr, r, rtol=0, atol=0, what=f"row_ptr of to_csr({short_repr(dense)})")
    expect_close(col_idx, c, rtol=0, atol=0, what=f"col_idx of to_csr({short_repr(dense)})")
    expect_close(values, v, rtol=0, atol=0, what=f"values of to_csr({short_repr(dense)})")


def matches_the_worked_examples(kata):
    _check(kata, np.array([[1.0, 0.0, 2.0], [0.0, 3.0, 0.0], [4.0, 0.0, 5.0]]))
    _check(kata, np.array([[0, 0, 3, 0], [2, 0, 0, 0], [0, 0, 0, 0], [0, 4, 0, 1]]))


def accepts_lists_of_lists(kata):
    _check(kata, [[0, 0, 3, 0], [2, 0, 0, 0], [0, 0, 0, 0], [0, 4, 0, 1]])
    _check(kata, [[0.5, -0.0, 0.0], [0.0, 0.0, -1.25]])


def matches_scipy_on_random_matrices(kata):
    rng = np.random.default_rng(8_0808)
    for rows, cols, density in [(20, 15, 0.2), (15, 20, 0.5), (1, 30, 0.3), (30, 1, 0.3),
                                (10, 10, 1.0)]:
        dense = rng.uniform(-10, 10, (rows, cols))
        dense[rng.uniform(size=dense.shape) >= density] = 0.0
        _check(kata, dense)


def keeps_row_order_for_fortran_ordered_input(kata):
    dense = np.asfortranarray(np.array([[0.0, 7.0, 0.0, 1.0], [2.0, 0.0, 3.0, 0.0],
                                        [0.0, 0.0, 0.0, 0.0], [5.0, 6.0, 0.0, 0.0]]))
    _check(kata, dense)


def handles_empty_rows(kata):
    dense = np.zeros((6, 5))
    dense[1, 4] = 1.5
    dense[2, [0, 2]] = [-3.0, 4.0]
    dense[4, 1] = 9.0  # rows 0, 3 and 5 are empty
    _check(kata, dense)


def handles_all_zero_and_empty_matrices(kata):
    _check(kata, np.zeros((3, 4)))
    _check(kata, np.full((2, 2), -0.0))
    _check(kata, np.zeros((0, 3)))
    _check(kata, np.zeros((2, 0)))
    _check(kata, np.zeros((0, 0)))


ENTRIES = (0.0,) * 5 + (-0.0, 1.0, -2.5, 0.1, 3.75, -40.0, 1e-300, 123.456)


@st.composite
def _dense(draw):
    rows = draw(st.integers(0, 5))
    cols = draw(st.integers(0, 5))
    return np.array(draw(st.lists(st.sampled_from(ENTRIES), min_size=rows * cols,
                                  max_size=rows * cols)), dtype=float).reshape(rows, cols)


@given(_dense())
def matches_scipy_for_small_sparse_matrices(kata, dense):
    _check(kata, dense)


@given(_dense(), st.integers(0, 2**32 - 1))
def round_trips_through_a_csr_product(kata, dense, seed):
    rows, cols = dense.shape
    x = np.random.default_rng(seed).uniform(-10, 10, cols)
    values, col_idx, row_ptr = _triple(call(kata.to_csr, dense))
    try:
        a = sp.csr_array((np.asarray(values, dtype=float), np.asarray(col_idx),
                          np.asarray(row_ptr)), shape=(rows, cols))
        y = a @ x
    except Exception as exc:  # noqa: BLE001 - malformed CSR arrays
        fail(f"to_csr({short_repr(dense)}) returned {short_repr((values, col_idx, row_ptr))}\n"
             f"  which is not a valid CSR form of a {rows} x {cols} matrix ({exc})")
    expected = dense @ x if dense.size else np.zeros(rows)
    scale = float(np.max(np.abs(dense) @ np.abs(x), initial=0.0)) if dense.size else 0.0
    expect_close(y, expected, rtol=0, atol=TOL * scale,
                 what=f"the CSR product of to_csr({short_repr(dense)}) with x = {short_repr(x)}")
