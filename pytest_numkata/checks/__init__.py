"""Hidden checks, one module a kata: ``checks/chNN/<name>.py`` mirrors ``katas/chNN/<name>.py``."""
