"""Other correct forms of the largest N with 0..N all exact in BF16."""

ANSWERS = [
    256,
    2 ** 8,
]
