"""Hidden checks for chapter 01."""
