"""Hidden checks for ch03/jacobi_step.

Oracle: the sweep D⁻¹(b - (L + U)x) in exact rational arithmetic (fractions) on the float64
inputs; for the convergence property, numpy.linalg.solve and the eigenvalues of D⁻¹(L + U).
"""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from pytest_numkata.checking import LearnerCrash, call, expect, expect_close, is_close

from ._jacobi import WORKED_A, WORKED_B, gauss_seidel, jacobi

TOL = 1e-10


def _floats(values):
    return np.array([float(v) for v in values])


def _tolerance(A, b, x):
    """The contract's per-entry error bound; the checks use its largest entry."""
    A, b, x = (np.asarray(v, dtype=float) for v in (A, b, x))
    scale = (np.abs(b) + np.abs(A * x).sum(axis=1)) / np.abs(np.diag(A))
    return TOL * float(scale.max())


def _mistakes(A, b, x):
    A, b, x = (np.asarray(v, dtype=float) for v in (A, b, x))
    d = np.diag(A)
    off = A @ x - d * x
    return {
        "that is a Gauss-Seidel sweep: entries after the first used components already "
        "updated in this sweep. Jacobi computes every entry from the old x only - write the "
        "results into a new array": _floats(gauss_seidel(A, b, x)),
        "the diagonal term stayed in the sum: that is D⁻¹(b - A x); leave out j = i":
            (b - A @ x) / d,
        "forgot to divide by the diagonal entry A[i][i]": b - off,
        "that returns the old x unchanged": x.copy(),
    }


def _check(kata, A, b, x):
    got = call(kata.jacobi_step, A, b, x, unchanged=True)
    expected = _floats(jacobi(A, b, x))
    atol = _tolerance(A, b, x)
    if not is_close(got, expected, rtol=0, atol=atol):  # name a mistake only when there is one
        expect_close(got, expected, rtol=0, atol=atol, mistakes=_mistakes(A, b, x))
    return got


def _system(n, seed, dominance=1.5):
    """A strictly diagonally dominant system: abs(A[i][i]) = dominance * off-diagonal row sum + 0.1."""
    rng = np.random.default_rng(seed)
    A = rng.uniform(-1.0, 1.0, size=(n, n))
    np.fill_diagonal(A, 0.0)
    signs = rng.choice([-1.0, 1.0], size=n)
    np.fill_diagonal(A, signs * (dominance * np.abs(A).sum(axis=1) + 0.1))
    b = rng.uniform(-10.0, 10.0, size=n)
    x = rng.uniform(-10.0, 10.0, size=n)
    return A, b, x


def matches_the_worked_system(kata):
    x = [0, 0]
    for _ in range(3):
        x = _check(kata, WORKED_A, WORKED_B, x)
        x = np.array(x, dtype=float)


def uses_only_the_old_iterate(kata):
    A = np.array([[4.0, 1.0, -1.0], [2.0, 5.0, 1.0], [-1.0, 1.0, 3.0]])
    b = np.array([3.0, -2.0, 4.0])
    for x in (np.zeros(3), np.array([1.0, -1.0, 2.0]), np.array([10.0, 20.0, -30.0])):
        _check(kata, A, b, x)


def handles_a_single_equation(kata):
    _check(kata, [[2.0]], [4.0], [123.0])
    _check(kata, np.array([[-0.5]]), np.array([3.0]), np.array([0.0]))


def works_when_jacobi_would_diverge(kata):
    # one sweep is still the formula, even where repeating it diverges
    _check(kata, [[1.0, 2.0], [2.0, 1.0]], [3.0, 3.0], [0.5, -0.25])
    _check(kata, [[1.0, 3.0, 0.0], [2.0, -1.0, 4.0], [0.0, 5.0, 2.0]], [1.0, 2.0, 3.0],
           [1.0, 1.0, 1.0])


def returns_a_new_float64_array(kata):
    got = call(kata.jacobi_step, [[4, 1], [1, 3]], [9, 11], [0, 0], unchanged=True)
    expect(isinstance(got, np.ndarray),
           f"returned a {type(got).__name__}; the contract says a NumPy array")
    expect(got.dtype == np.float64,
           f"returned an array of dtype {got.dtype}; the contract says float64 (for integer "
           "inputs, np.zeros_like(x) or np.asarray(x) gives an integer array - ask for "
           "dtype=float)")
    expect(got.shape == (2,), f"returned shape {got.shape}; expected (2,)")
    _check(kata, [[4, 1], [1, 3]], [9, 11], [0, 0])
    x = np.array([1.0, 2.0])
    got = call(kata.jacobi_step, np.array([[4.0, 1.0], [1.0, 3.0]]), np.array([9.0, 11.0]), x,
               unchanged=True)
    expect(isinstance(got, np.ndarray) and got is not x and not np.shares_memory(got, x),
           "returned x itself (or a view of it); the contract says a new array")


def accepts_lists_tuples_and_arrays(kata):
    A = [[5, -1, 2], [1, 6, -2], [0, 3, 7]]
    b = [1, 2, 3]
    x = [0.5, -1.5, 2.0]
    _check(kata, A, b, x)
    _check(kata, tuple(map(tuple, A)), tuple(b), tuple(x))
    _check(kata, np.array(A), np.array(b), np.array(x))


def leaves_the_inputs_unchanged(kata):
    A, b, x = _system(4, 11)
    call(kata.jacobi_step, A, b, x, unchanged=True)


@given(st.integers(0, 10**6))
def matches_the_formula_for_random_systems(kata, case):
    n, seed = 1 + case % 8, case  # one integer: a failing case shrinks in few steps
    A, b, x = _system(n, seed)
    _check(kata, A.tolist(), b.tolist(), x.tolist())  # lists: cheaper to describe than arrays


def _steps_to_converge(A, x, solution, rtol):
    """Enough Jacobi steps to bring x within rtol/100 of the solution, from the contraction
    bound: the error shrinks by q = max_i sum_{j != i} |A[i][j]| / |A[i][i]| per step in the
    max norm, exactly (not only asymptotically, as the spectral radius does)."""
    d = np.abs(np.diag(A))
    q = float(((np.abs(A).sum(axis=1) - d) / d).max())
    error = float(np.abs(x - solution).max())
    target = rtol / 100 * float(np.abs(solution).max())
    if error <= target or q == 0.0:
        return 2
    return max(2, int(np.ceil(np.log(target / error) / np.log(q))) + 1)


@given(st.integers(0, 10**6))
def repeated_steps_converge_to_the_solution(kata, case):
    n, seed = 1 + case % 6, case
    A, b, x = _system(n, seed, dominance=4.0)
    D = np.diag(np.diag(A))
    rho = float(np.max(np.abs(np.linalg.eigvals(np.linalg.solve(D, A - D)))))
    assert rho < 0.25  # the off-diagonal row sums are below a quarter of the diagonal
    solution = np.linalg.solve(A, b)
    steps = _steps_to_converge(A, x, solution, rtol=1e-8)
    assert steps <= 40
    x = call(kata.jacobi_step, A, b, x)
    for k in range(2, steps + 1):  # plain calls: call()'s bookkeeping is too slow for a loop
        try:
            x = kata.jacobi_step(A, b, x)
        except Exception as exc:  # noqa: BLE001 - any learner exception is a failed check
            raise LearnerCrash(f"jacobi_step(A, b, x) at step {k} of an iteration", exc) from exc
    expect_close(x, solution, rtol=1e-8, atol=1e-8 * float(np.abs(solution).max()) + 1e-12,
                 what=f"{steps} Jacobi steps on a {n}x{n} system whose iteration matrix has "
                      f"spectral radius {rho:.3f}, compared with numpy.linalg.solve")
