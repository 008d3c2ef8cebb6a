"""The verdicts as the tuple of strings the stub asks for."""

ANSWERS = [
    ("converges", "converges", "converges", "diverges"),
]
