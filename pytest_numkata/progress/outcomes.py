"""numkata's vocabulary: what the learner's kata file is, read without running it
(``FileState``), what one graded attempt of a kata came to (``Outcome``) and where a kata
stands over its history (``Status``).

Each word is a ``str`` enum whose value is what is stored and exchanged - the progress store's
``outcome`` column, ``results.json`` and ``numkata status --json`` - so stores and files
written before keep reading; ``label`` is the word shown to a learner ("not attempted").
"""

from __future__ import annotations

from enum import Enum


class _Word(str, Enum):
    """A str enum (``enum.StrEnum`` from Python 3.11): ``str()`` and formatting give the stored
    value, ``label`` the words shown."""

    __hash__ = str.__hash__  # a member and its value are the same dict key

    def __str__(self) -> str:
        return self.value

    def __format__(self, spec: str) -> str:
        return format(self.value, spec)

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


class FileState(_Word):
    """The learner's kata file as collection reads it (``judge.kata_file.inspect_source``)."""

    ATTEMPTED = "attempted"  # changed from the stub: its checks run
    NOT_ATTEMPTED = "not_attempted"  # still the stub: one item says what to do
    SYNTAX_ERROR = "syntax_error"  # does not parse: one item says where
    UNREADABLE = "unreadable"  # not a readable UTF-8 regular file of at most 1 MB


class Outcome(_Word):
    """One graded attempt of one kata (a run that graded it)."""

    PASSED = "passed"  # every check passed
    FAILED = "failed"  # a check failed (a crash, a timeout, a load error count as failures)
    NOT_ATTEMPTED = "not_attempted"  # the file is still the stub


class Status(_Word):
    """A kata over its history (``store.KataState.status``)."""

    MASTERED = "mastered"  # passed once, and its last attempt passed
    REGRESSED = "regressed"  # passed once, and fails now: still counts as mastered
    FAILING = "failing"  # attempted, never passed
    NOT_ATTEMPTED = "not_attempted"  # never attempted (or only ever the stub)

    @property
    def ever_mastered(self) -> bool:
        """Mastered at least once: what opens the next chapter."""
        return self in (Status.MASTERED, Status.REGRESSED)


def status_of(last_outcome: Outcome | str | None, ever_passed: bool) -> Status:
    """A kata's status from its last outcome and whether it ever passed."""
    if ever_passed:
        return Status.MASTERED if last_outcome == Outcome.PASSED else Status.REGRESSED
    if last_outcome in (None, Outcome.NOT_ATTEMPTED):
        return Status.NOT_ATTEMPTED
    return Status.FAILING
