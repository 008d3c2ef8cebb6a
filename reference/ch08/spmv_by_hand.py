"""ch08/spmv_by_hand - solved."""

# Row 3 owns positions row_ptr[3] = 2 and 3: values 4 (column 1) and 1 (column 3).
ANSWER = 4 * 2 + 1 * 4
