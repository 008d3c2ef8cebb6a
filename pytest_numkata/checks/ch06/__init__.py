"""Hidden checks for chapter 06."""
