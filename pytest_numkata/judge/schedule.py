"""The order in which katas are handed to judge processes: the longest first.

With several judges side by side, a run ends when its slowest kata ends; a slow kata started
last keeps one CPU busy while the others idle (ch03/jacobi_step, last of its chapter, took
0.5 s alone at the end of a 1.7 s run). So the katas waiting for a judge are started in order
of how long each took last time (the longest processing time first rule), a kata never timed
before counting as an average one. Reports are still shown in collection order, and each
kata's verdict is its own, so the order changes only when the run ends.

The times live in the numkata home (``judge-times.json``: kata id -> seconds, the judge's wall
time from fork to exit), updated after every run that graded in judge processes. A missing or
unreadable file means no history; nothing else depends on it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

FILE_NAME = "judge-times.json"
MAX_ENTRIES = 5000  # a home with many packs still reads in a millisecond


def load(home: Path | None) -> dict[str, float]:
    if home is None:
        return {}
    try:
        data = json.loads((home / FILE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: float(v) for k, v in list(data.items())[:MAX_ENTRIES]
            if isinstance(k, str) and isinstance(v, int | float) and 0 <= v < 1e6}


def save(home: Path | None, times: dict[str, float], measured: dict[str, float]) -> None:
    """Merge this run's ``measured`` times into ``times`` and write them (atomically: a run
    killed meanwhile leaves the old file)."""
    if home is None or not measured:
        return
    merged = {**times, **{k: round(v, 4) for k, v in measured.items()}}
    tmp = home / f".{FILE_NAME}.{os.getpid()}"
    try:
        tmp.write_text(json.dumps(merged, sort_keys=True), encoding="utf-8")
        os.replace(tmp, home / FILE_NAME)
    except OSError:
        try:
            tmp.unlink()
        except OSError:
            pass


def longest_first(batches: list, kata_of, times: dict[str, float]) -> list:
    """``batches`` ordered by their kata's last time, longest first; unknown katas count as
    the average of the known ones; ties keep collection order."""
    known = [times[k] for k in (kata_of(b) for b in batches) if k in times]
    default = sum(known) / len(known) if known else 0.0
    order = sorted(range(len(batches)), key=lambda i: -times.get(kata_of(batches[i]), default))
    return [batches[i] for i in order]
