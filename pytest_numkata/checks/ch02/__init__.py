"""Hidden checks for chapter 02."""
