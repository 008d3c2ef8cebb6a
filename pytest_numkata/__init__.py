"""numkata: katas for the numerical methods behind machine learning, graded by pytest."""

__version__ = "0.1.0"
