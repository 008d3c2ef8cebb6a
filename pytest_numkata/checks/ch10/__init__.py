"""Hidden checks for chapter 10."""
