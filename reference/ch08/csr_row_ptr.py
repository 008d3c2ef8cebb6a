"""ch08/csr_row_ptr - solved."""

# Non-zeros per row: 1, 1, 0, 2. Running total from 0; the empty row repeats the previous entry.
ANSWER = [0, 1, 2, 2, 4]
