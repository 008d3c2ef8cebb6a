"""Other correct forms: the tuple the stub asks for, with Python ints."""

ANSWERS = [
    (1, 1, 0, 2),
    tuple(int(n) for n in (1, 1, 0, 2)),
]
