"""Other correct forms of the row pointer: a list or a tuple of ints, as the stub allows."""

ANSWERS = [
    [0, 1, 2, 2, 4],
    (0, 1, 2, 2, 4),
]
