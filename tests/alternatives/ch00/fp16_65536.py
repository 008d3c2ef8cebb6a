"""Other correct forms of (largest finite FP16, what 65536 becomes in FP16)."""

from pytest_numkata.authoring.gauntlet import Source

ANSWERS = [
    Source("(65504, math.inf)"),
    Source("(65504.0, float('inf'))"),
    Source("((2 - 2 ** -10) * 2 ** 15, float('+inf'))"),
    Source("(Fraction(65504), math.inf)"),
    Source("__import__('numpy').float16(65504), __import__('numpy').float16(65536.0)"),
]
