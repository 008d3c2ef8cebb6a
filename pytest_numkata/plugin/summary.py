"""The short text numkata prints at the end of a run: progress, lock state, what to do next."""

from __future__ import annotations

from collections.abc import Iterable

from ..judge.kata_file import not_attempted_message
from ..progress.outcomes import Outcome, Status
from ..progress.standing import ChapterStanding, Standing
from ..progress.store import Attempt


def chapter_line(c: ChapterStanding) -> str:
    if not c.unlocked:
        return f"{c.chapter.id} {c.chapter.title}: locked"
    extra = f" ({c.regressed} {Status.REGRESSED.label})" if c.regressed else ""
    return f"{c.chapter.id} {c.chapter.title}: {c.mastered}/{c.total} mastered{extra}"


def change_lines(before: Standing, after: Standing) -> list[str]:
    """What this run changed: katas newly mastered, chapters newly opened, regressions."""
    changes = after.changes_since(before)
    lines = []
    if changes.newly_mastered:
        lines.append(f"newly mastered: {', '.join(changes.newly_mastered)} - well done")
    if changes.passing_again:
        lines.append(f"passing again: {', '.join(changes.passing_again)}")
    for chapter in changes.opened:
        lines.append(f"{chapter.id} {chapter.title} is open now: you mastered every kata "
                     f"before it")
    if changes.regressed:
        lines.append(f"regressed: {', '.join(changes.regressed)} passed before and fails now "
                     f"(the chapters it opened stay open)")
    return lines


def partial_lines(partial: Iterable[tuple[str, int, int]]) -> list[str]:
    """Katas of which only some checks ran (``-k``, ``--lf``, one check id): no verdict."""
    return [f"{kata}: {ran} of {total} checks ran - run the whole kata to master it"
            for kata, ran, total in partial]


def summary_lines(standing: Standing, attempts: Iterable[Attempt],
                  locked_requested: Iterable[str], kata_path=None) -> list[str]:
    """``kata_path(kata)`` gives the path to type for a kata (relative to where pytest was
    started); by default ``katas/<id>.py``."""
    catalogue = standing.catalogue
    kata_path = kata_path or (lambda kata: f"katas/{kata.relpath}")
    lines: list[str] = []
    attempts = list(attempts)
    order = {k.id: i for i, k in enumerate(catalogue.katas)}
    not_attempted = sorted((a for a in attempts if a.outcome == Outcome.NOT_ATTEMPTED),
                           key=lambda a: order.get(a.kata, len(order)))
    for a in not_attempted:
        kata = catalogue.kata(a.kata)
        lines.append(f"{a.kata} ({kata.type}): {not_attempted_message(kata)}")
    if not_attempted:
        lines.append("")
    # chapter progress: every open chapter, plus the first locked one
    first_locked = standing.first_locked
    for c in standing.chapters:
        if c.unlocked:
            lines.append(chapter_line(c))
        elif c is first_locked:
            reason = standing.locked_message(c.chapter.id).split(" - ", 1)[1]
            lines.append(chapter_line(c) + f" ({reason})")
    for chapter_id in locked_requested:
        if standing.is_open(chapter_id):
            first = kata_path(catalogue.chapter(chapter_id).katas[0]).rsplit('/', 1)[0]
            lines.append(f"{chapter_id} is open now (it was locked when this run started): "
                         f"pytest {first}")
        else:
            lines.append(standing.locked_message(chapter_id))
    upcoming = standing.next_kata()
    if upcoming is not None:
        lines.append(f"next: {upcoming.id} ({upcoming.type}, {upcoming.difficulty}) - "
                     f"pytest {kata_path(upcoming)}")
    elif standing.all_mastered:
        lines.append("every kata mastered - well done")
    return lines
