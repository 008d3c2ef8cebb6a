"""ch10/kahan_sum - adding a million floats without losing the small ones (Build).

Adding floats left to right rounds after every addition, and the rounding errors pile up: in
1.0 + 1e-16 + 1e-16 + ... every small term is rounded away, however many there are, and the
worst-case error of a plain loop grows with the number of terms. Compensated (Kahan)
summation keeps a second variable with the low-order bits that the last addition lost and
feeds them back into the next one, so the error no longer grows with the length of the input.
Many ML reductions (loss accumulation over a dataset, long dot products) face the same problem.

Contract
--------
kahan_sum(values) -> float
    `values` is a 1-D sequence (list, tuple or NumPy array) of at most 10**6 finite floats,
    with sum(abs(x) for x in values) below 1e300. Returns their sum as a number whose error,
    against the exact sum of the given floats, is at most

        2 * eps * (abs(x_1) + abs(x_2) + ... + abs(x_n)),      eps = 2**-53.

    An empty sequence sums to 0. `values` is not modified. Compensated summation meets the
    bound; a plain left-to-right loop does not, and neither does NumPy's pairwise np.sum on
    every input. Any method that meets the bound passes.

Stuck? `numkata hint ch10/kahan_sum` shows one hint at a time.
"""


def kahan_sum(values):
    raise NotImplementedError
