"""Hidden checks for chapter 07."""
