"""Turning pytest's per-check reports into one verdict per kata.

A kata is *passed* when every one of its checks ran and passed in this run, *failed* when any
check failed (a crash, a timeout, a load error count as failures), and *not attempted* when its
stub is untouched. A kata of which only some checks ran (``-k``, ``-x``) and none failed gets
no verdict: nothing about it is recorded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..progress.outcomes import FileState, Outcome
from ..progress.store import Attempt, Failure

# user_properties keys the plugin puts on every report of a kata's check
KATA_KEY = "numkata_kata"
CHECKS_KEY = "numkata_checks"
STATE_KEY = "numkata_state"  # the FileState of a kata whose checks did not run
SANDBOX_KEY = "numkata_sandbox"
SOURCE_KEY = "numkata_source_sha256"

MAX_MESSAGE = 2000


def truncate(text: str, limit: int = MAX_MESSAGE) -> str:
    if len(text) <= limit:
        return text
    cut = len(text) - limit
    return text[:limit] + f"\n... ({cut} more characters cut)"


@dataclass
class KataTally:
    kata: str
    checks_total: int = 0
    passed: set[str] = field(default_factory=set)
    failures: dict[str, str] = field(default_factory=dict)
    not_attempted: bool = False
    duration: float = 0.0
    source_sha256: str | None = None

    def verdict(self) -> Outcome | None:
        if self.not_attempted:
            return Outcome.NOT_ATTEMPTED
        if self.failures:
            return Outcome.FAILED
        if self.checks_total and len(self.passed) >= self.checks_total:
            return Outcome.PASSED
        return None


class Verdicts:
    """Collects reports (also those xdist workers send to the controller)."""

    def __init__(self, kata_for_nodeid: Callable[[str], str | None]):
        self._kata_for_nodeid = kata_for_nodeid
        self.tallies: dict[str, KataTally] = {}
        self.sandboxes: set[str] = set()

    def add_report(self, report) -> None:
        props = dict(getattr(report, "user_properties", None) or ())
        kata = props.get(KATA_KEY) or self._kata_for_nodeid(report.nodeid)
        if kata is None:
            return
        tally = self.tallies.setdefault(kata, KataTally(kata))
        tally.checks_total = max(tally.checks_total, int(props.get(CHECKS_KEY, 0) or 0))
        tally.duration += float(getattr(report, "duration", 0.0) or 0.0)
        if props.get(SOURCE_KEY):
            tally.source_sha256 = str(props[SOURCE_KEY])[:64]
        if props.get(SANDBOX_KEY):
            self.sandboxes.add(str(props[SANDBOX_KEY])[:100])
        check = report.nodeid.split("::", 1)[1] if "::" in report.nodeid else report.nodeid
        if props.get(STATE_KEY) == FileState.NOT_ATTEMPTED:
            tally.not_attempted = True
            return
        if report.failed:
            tally.failures.setdefault(check, truncate(_message_of(report)))
        elif report.when == "call" and report.passed:
            tally.passed.add(check)

    def partial(self) -> list[tuple[str, int, int]]:
        """(kata, checks that ran, checks it has) for katas of which only some checks ran and
        none failed: they get no verdict."""
        return [(t.kata, len(t.passed), t.checks_total) for t in self.tallies.values()
                if t.verdict() is None and t.passed and not t.failures]

    def attempts(self) -> list[Attempt]:
        out = []
        for tally in self.tallies.values():
            verdict = tally.verdict()
            if verdict is None:
                continue
            failures = tuple(Failure(c, m) for c, m in tally.failures.items())
            out.append(Attempt(tally.kata, verdict, round(tally.duration, 4),
                               tally.checks_total, failures, source_sha256=tally.source_sha256))
        return out


def _message_of(report) -> str:
    text = getattr(report, "longreprtext", "") or ""
    return text.strip() or f"failed during {report.when}"
