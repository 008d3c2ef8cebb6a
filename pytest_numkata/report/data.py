"""Reading what the report needs from the progress store, aggregated in SQL.

A few queries, whatever the size of the history: one pass over ``attempts`` grouped by
(local date, kata), one grouped by kata for the distinct versions of each file (an index
covers it), and one lookup of the few latest failing attempts by id. Python then works
on at most days x katas small rows, never on every attempt.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..progress.outcomes import Outcome, Status
from ..progress.store import KataState, ProgressStore
from .streaks import parse_day

DAY_KATA_SQL = f"""
SELECT local_date, kata,
       SUM(outcome = '{Outcome.PASSED}'), SUM(outcome = '{Outcome.FAILED}'),
       MAX(CASE WHEN outcome = '{Outcome.PASSED}' THEN id END),
       MAX(CASE WHEN outcome = '{Outcome.FAILED}' THEN id END),
       MAX(CASE WHEN outcome = '{Outcome.NOT_ATTEMPTED}' THEN id END)
FROM attempts
GROUP BY local_date, kata
"""


@dataclass
class KataHistory:
    """One kata's history as read from the attempts table."""

    graded: int = 0  # passed + failed attempts
    first_pass_day: date | None = None
    last_fail_id: int | None = None
    last_failure_day: date | None = None
    last_failures: list[dict] = field(default_factory=list)
    # (day, outcome at the end of that day), in day order
    day_end: list[tuple[date, Outcome]] = field(default_factory=list)


@dataclass
class StoreData:
    states: dict[str, KataState] = field(default_factory=dict)
    katas: dict[str, KataHistory] = field(default_factory=dict)
    # local day -> (graded attempts, passed attempts)
    days: dict[date, tuple[int, int]] = field(default_factory=dict)
    graded_attempts: int = 0
    runs: int = 0
    last_run: dict = field(default_factory=dict)  # how the newest run was graded
    # kata -> (graded runs, distinct files among runs with a sha256, runs without one)
    versions: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    store_exists: bool = False


def _latest(ids: tuple[int | None, int | None, int | None]) -> Outcome | None:
    """The outcome of the newest of (passed id, failed id, not-attempted id)."""
    best, outcome = -1, None
    for value, name in zip(ids, (Outcome.PASSED, Outcome.FAILED, Outcome.NOT_ATTEMPTED)):
        if value is not None and value > best:
            best, outcome = value, name
    return outcome


def aggregate_rows(rows, states: dict[str, KataState] | None = None) -> StoreData:
    """Fold the rows of ``DAY_KATA_SQL`` into per-kata and per-day figures (pure, testable)."""
    data = StoreData(states=dict(states or {}))
    days: dict[date, list[int]] = {}
    for local_date, kata, n_pass, n_fail, pass_id, fail_id, na_id in sorted(
            rows, key=lambda r: (r[0], r[1])):
        day = parse_day(local_date)
        if day is None:
            continue
        history = data.katas.setdefault(kata, KataHistory())
        graded = (n_pass or 0) + (n_fail or 0)
        history.graded += graded
        if n_pass and history.first_pass_day is None:
            history.first_pass_day = day
        if fail_id is not None and (history.last_fail_id is None or fail_id > history.last_fail_id):
            history.last_fail_id = fail_id
            history.last_failure_day = day
        outcome = _latest((pass_id, fail_id, na_id))
        if outcome is not None:
            history.day_end.append((day, outcome))
        if graded:
            tally = days.setdefault(day, [0, 0])
            tally[0] += graded
            tally[1] += n_pass or 0
            data.graded_attempts += graded
    data.days = {d: (t[0], t[1]) for d, t in sorted(days.items())}
    return data


def read_store(home: Path) -> StoreData:
    """Everything the report shows, from the store in ``home``; never creates a database.

    The latest failing checks are loaded only for katas that are failing or regressed now.
    """
    with ProgressStore(Path(home), create=False) as store:
        if not store.path.exists():
            return StoreData()
        states = store.states()
        data = aggregate_rows(store.query(DAY_KATA_SQL), states)
        data.store_exists = True
        data.runs = store.query("SELECT count(*) FROM runs")[0][0]
        last = store.query("SELECT grading_seed, sandbox FROM runs ORDER BY id DESC LIMIT 1")
        if last:
            data.last_run = {"grading_seed": last[0][0], "sandbox": last[0][1]}
        data.versions = store.versions()
        wanted = {h.last_fail_id: k for k, h in data.katas.items()
                  if h.last_fail_id is not None and k in states
                  and states[k].status in (Status.FAILING, Status.REGRESSED)}
        if wanted:
            marks = ",".join("?" * len(wanted))
            for row_id, text in store.query(
                    f"SELECT id, failures FROM attempts WHERE id IN ({marks})", tuple(wanted)):
                try:
                    failures = json.loads(text)
                except (TypeError, ValueError):
                    failures = []
                data.katas[wanted[row_id]].last_failures = [
                    {"check": str(f.get("check", "")), "message": str(f.get("message", ""))}
                    for f in failures if isinstance(f, dict)
                ]
    return data
