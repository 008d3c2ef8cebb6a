"""Known-buggy spmv solutions. Each must be rejected; `expect` is the named mistake."""

import numpy as np


def densifies(values, col_idx, row_ptr, x):
    x = np.asarray(x, dtype=float)
    rows = len(row_ptr) - 1
    dense = np.zeros((rows, len(x)))
    for i in range(rows):
        for k in range(row_ptr[i], row_ptr[i + 1]):
            dense[i, col_idx[k]] = values[k]
    return dense @ x


densifies.expect = "this densifies the matrix"


def loops_over_every_column(values, col_idx, row_ptr, x):
    rows = len(row_ptr) - 1
    y = np.zeros(rows)
    for i in range(rows):
        row = {int(col_idx[k]): float(values[k]) for k in range(row_ptr[i], row_ptr[i + 1])}
        for j in range(len(x)):
            y[i] += row.get(j, 0.0) * x[j]
    return y


loops_over_every_column.expect = "visits every (row, column) pair"


def skips_the_last_row(values, col_idx, row_ptr, x):
    rows = len(row_ptr) - 1
    y = np.zeros(rows)
    for i in range(rows - 1):
        for k in range(row_ptr[i], row_ptr[i + 1]):
            y[i] += values[k] * x[col_idx[k]]
    return y


skips_the_last_row.expect = "the last row is missing"


def every_row_starts_at_zero(values, col_idx, row_ptr, x):
    rows = len(row_ptr) - 1
    y = np.zeros(rows)
    for i in range(rows):
        for k in range(row_ptr[i + 1]):
            y[i] += values[k] * x[col_idx[k]]
    return y


every_row_starts_at_zero.expect = "row_ptr[i] .. row_ptr[i+1] - 1"


def returns_a_list(values, col_idx, row_ptr, x):
    rows = len(row_ptr) - 1
    y = [0.0] * rows
    for i in range(rows):
        for k in range(row_ptr[i], row_ptr[i + 1]):
            y[i] += values[k] * x[col_idx[k]]
    return y


returns_a_list.expect = "float64 NumPy array"


def reduceat_keeps_empty_rows(values, col_idx, row_ptr, x):
    import numpy as np

    values = np.asarray(values, dtype=float)
    products = values * np.asarray(x, dtype=float)[np.asarray(col_idx, dtype=int)]
    starts = np.asarray(row_ptr[:-1], dtype=int)
    if products.size == 0:
        return np.zeros(len(starts))
    # reduceat gives products[start] for an empty row instead of 0, and fails past the end
    starts = np.minimum(starts, products.size - 1)
    return np.add.reduceat(products, starts)


reduceat_keeps_empty_rows.expect = None



def scales_values_in_place(values, col_idx, row_ptr, x):
    import numpy as np

    x = np.asarray(x, dtype=float)
    if isinstance(values, np.ndarray):
        values *= x[np.asarray(col_idx, dtype=int)]  # overwrites the caller's values
        products = values
    else:
        products = np.asarray(values, dtype=float) * x[np.asarray(col_idx, dtype=int)]
    y = np.zeros(len(row_ptr) - 1)
    for i in range(len(y)):
        y[i] = products[row_ptr[i]:row_ptr[i + 1]].sum()
    return y


scales_values_in_place.expect = "in place"
