"""Hidden checks for chapter 09."""
