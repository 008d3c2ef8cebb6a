"""Hidden checks for chapter 00."""
