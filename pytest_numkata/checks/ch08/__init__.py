"""Hidden checks for chapter 08."""
