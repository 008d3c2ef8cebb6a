"""Other correct forms of (largest finite FP16, what 65536 becomes in FP16)."""


class _Source:
    """An answer written as source text (the harness writes ``ANSWER = repr(value)``)."""

    def __init__(self, text):
        self.text = text

    def __repr__(self):
        return self.text


ANSWERS = [
    _Source("(65504, math.inf)"),
    _Source("(65504.0, float('inf'))"),
    _Source("((2 - 2 ** -10) * 2 ** 15, float('+inf'))"),
    _Source("(Fraction(65504), math.inf)"),
    _Source("__import__('numpy').float16(65504), __import__('numpy').float16(65536.0)"),
]
