"""Hidden checks for chapter 4: Newton's method."""
