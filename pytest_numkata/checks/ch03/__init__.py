"""Hidden checks for chapter 03."""
