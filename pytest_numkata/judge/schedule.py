"""Which katas share a judge process, and the order judges take them up: the longest first.

With several judges side by side, a run ends when its slowest kata ends; a slow kata started
last keeps one CPU busy while the others idle (ch03/jacobi_step, last of its chapter, took
0.5 s alone at the end of a 1.7 s run). So the katas waiting for a judge are started in order
of how long each took last time (the longest processing time first rule), a kata never timed
before counting as an average one. Reports are still shown in collection order, and each
kata's verdict is its own, so the order changes only when the run ends.

A judge process costs about 20 ms of CPU before it grades anything (its fork and the memory
it then copies), as much as a small kata's checks. So katas that took at most ``SMALL``
seconds last time share one judge with their neighbours in collection order (up to
``GROUP_KATAS`` of them, ``GROUP_SECONDS`` in all, with the same limits): it grades them in
turn, each with a learner process of its own, and a fault of one is confined to that kata
(``fork_runner``). Katas never timed, or slower, get a judge of their own.

The times live in the numkata home (``judge-times.json``: kata id -> seconds of a judge's wall
time, from its fork or the kata's loading to the kata's last report), updated after every run
that graded in judge processes, for the katas whose checks all passed (a failing kata often
fails fast: its time would make it look small). A missing or unreadable file means no
history; nothing else depends on it.
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


SMALL = 0.08  # seconds: a kata this quick last time shares a judge process
GROUP_KATAS = 8
GROUP_SECONDS = 0.3


def share_judges(batches: list, kata_of, times: dict[str, float], limits_of) -> list[list]:
    """``batches`` (one a kata, in collection order) as jobs: lists of batches one judge
    process grades in turn - consecutive small katas together, every other kata alone."""
    jobs: list[list] = []
    group: list = []
    total = 0.0
    for batch in batches:
        seconds = times.get(kata_of(batch))
        small = seconds is not None and seconds <= SMALL
        if (small and group and len(group) < GROUP_KATAS and total + seconds <= GROUP_SECONDS
                and limits_of(batch) == limits_of(group[0])):
            group.append(batch)
            total += seconds
            continue
        if group:
            jobs.append(group)
        group, total = ([batch], seconds) if small else ([], 0.0)
        if not small:
            jobs.append([batch])
    if group:
        jobs.append(group)
    return jobs


def longest_first(jobs: list, cost) -> list:
    """``jobs`` ordered by ``cost(job)`` (seconds last time, None when never timed), longest
    first; a job never timed counts as the average of the known ones; ties keep their order."""
    costs = [cost(job) for job in jobs]
    known = [c for c in costs if c is not None]
    default = sum(known) / len(known) if known else 0.0
    order = sorted(range(len(jobs)), key=lambda i: -(default if costs[i] is None else costs[i]))
    return [jobs[i] for i in order]


def cost_of(katas, times: dict[str, float]) -> float | None:
    """The last time of a job's katas together; None if any was never timed."""
    total = 0.0
    for kata in katas:
        if kata not in times:
            return None
        total += times[kata]
    return total
