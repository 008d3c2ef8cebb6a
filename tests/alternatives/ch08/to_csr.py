"""Other correct to_csr solutions: each must pass."""

import numpy as np
import scipy.sparse  # at import time: pytester's in-process runs cannot re-import numpy.fft


def pure_python_loop(dense):
    values, col_idx, row_ptr = [], [], [0]
    for row in dense:
        for j, v in enumerate(row):
            if v != 0:
                values.append(float(v))
                col_idx.append(j)
        row_ptr.append(len(values))
    return (np.array(values, dtype=np.float64), np.array(col_idx, dtype=np.int64),
            np.array(row_ptr, dtype=np.int64))


def nonzero_vectorised(dense):
    a = np.array(dense, dtype=np.float64)
    rows = a.shape[0]
    r, c = np.nonzero(a)
    row_ptr = np.concatenate([[0], np.cumsum(np.bincount(r, minlength=rows))])
    return a[r, c], c, row_ptr.astype(np.int32)


def scipy_sparse(dense):
    m = scipy.sparse.csr_matrix(np.asarray(dense, dtype=np.float64))
    m.sort_indices()
    return m.data.astype(np.float64), m.indices, m.indptr
