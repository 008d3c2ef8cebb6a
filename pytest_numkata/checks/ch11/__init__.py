"""Hidden checks for chapter 11."""
