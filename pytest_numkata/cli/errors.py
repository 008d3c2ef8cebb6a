"""Exit codes and the error every command raises for a message a learner should read."""

from __future__ import annotations

EXIT_OK = 0
EXIT_REFUSED = 1  # a reasonable request numkata declines (solution before mastery, locked)
EXIT_USAGE = 2  # unknown ids, no kata tree, a home that does not exist


class CliError(Exception):
    """A one-line message for the learner, and the exit status that goes with it."""

    def __init__(self, message: str, code: int = EXIT_USAGE):
        super().__init__(message)
        self.code = code
