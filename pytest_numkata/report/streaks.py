"""Day streaks: consecutive calendar days with at least one graded attempt.

Days are the learner's *local* calendar dates (``attempts.local_date``, fixed when the attempt
was recorded), so a run at 23:30 in New York counts for that evening, not for the UTC morning
after. ``today`` is always passed in: the functions never read the clock.

The current streak is the run of consecutive active days ending today - or ending yesterday,
since today is not over yet and the learner may still practise. A day after ``today`` (the
learner travelled west, or a clock was wrong) is treated as the newest day of the streak
rather than breaking it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Streak:
    current: int
    best: int
    last_active: date | None
    # the first and last day of the current streak (None when current == 0)
    current_start: date | None = None
    # True when the current streak's last day is yesterday: practise today to keep it
    at_risk: bool = False


def _runs(days: list[date]) -> list[tuple[date, date]]:
    """Maximal runs of consecutive days, as (first, last), from sorted distinct days."""
    runs: list[tuple[date, date]] = []
    for day in days:
        if runs and day - runs[-1][1] == ONE_DAY:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


def compute_streak(active_days: Iterable[date], today: date) -> Streak:
    days = sorted(set(active_days))
    if not days:
        return Streak(0, 0, None)
    runs = _runs(days)
    best = max((last - first).days + 1 for first, last in runs)
    first, last = runs[-1]
    if last >= today - ONE_DAY:
        current = (last - first).days + 1
        return Streak(current, best, last, first, at_risk=last < today)
    return Streak(0, best, last)


def parse_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        return None
