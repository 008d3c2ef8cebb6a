"""The short text numkata prints at the end of a run: progress, lock state, what to do next."""

from __future__ import annotations

from collections.abc import Iterable

from .catalogue import Catalogue
from .learner import not_attempted_message
from .progress import Attempt
from .unlocking import ChapterProgress, locked_message, next_kata


def chapter_line(p: ChapterProgress) -> str:
    if not p.unlocked:
        return f"{p.chapter.id} {p.chapter.title}: locked"
    regressed = sum(1 for s in p.statuses.values() if s == "regressed")
    extra = f" ({regressed} regressed)" if regressed else ""
    return f"{p.chapter.id} {p.chapter.title}: {p.mastered}/{p.total} mastered{extra}"


def change_lines(before: list[ChapterProgress], after: list[ChapterProgress]) -> list[str]:
    """What this run changed: katas newly mastered, chapters newly opened, regressions."""
    was = {k: s for p in before for k, s in p.statuses.items()}
    lines = []
    newly = [k for p in after for k, s in p.statuses.items()
             if s == "mastered" and was.get(k) not in ("mastered", "regressed")]
    regressed = [k for p in after for k, s in p.statuses.items()
                 if s == "regressed" and was.get(k) != "regressed"]
    back = [k for p in after for k, s in p.statuses.items()
            if s == "mastered" and was.get(k) == "regressed"]
    if newly:
        lines.append(f"newly mastered: {', '.join(newly)} - well done")
    if back:
        lines.append(f"passing again: {', '.join(back)}")
    opened = [p.chapter for p, q in zip(after, before) if p.unlocked and not q.unlocked]
    for chapter in opened:
        lines.append(f"{chapter.id} {chapter.title} is open now: you mastered every kata "
                     f"before it")
    if regressed:
        lines.append(f"regressed: {', '.join(regressed)} passed before and fails now "
                     f"(the chapters it opened stay open)")
    return lines


def partial_lines(partial: Iterable[tuple[str, int, int]]) -> list[str]:
    """Katas of which only some checks ran (``-k``, ``--lf``, one check id): no verdict."""
    return [f"{kata}: {ran} of {total} checks ran - run the whole kata to master it"
            for kata, ran, total in partial]


def summary_lines(catalogue: Catalogue, progress: list[ChapterProgress],
                  attempts: Iterable[Attempt], locked_requested: Iterable[str],
                  kata_path=None) -> list[str]:
    """``kata_path(kata)`` gives the path to type for a kata (relative to where pytest was
    started); by default ``katas/<id>.py``."""
    kata_path = kata_path or (lambda kata: f"katas/{kata.relpath}")
    lines: list[str] = []
    attempts = list(attempts)
    order = {k.id: i for i, k in enumerate(catalogue.katas)}
    not_attempted = sorted((a for a in attempts if a.outcome == "not_attempted"),
                           key=lambda a: order.get(a.kata, len(order)))
    for a in not_attempted:
        kata = catalogue.kata(a.kata)
        lines.append(f"{a.kata} ({kata.type}): {not_attempted_message(kata)}")
    if not_attempted:
        lines.append("")
    # chapter progress: every open chapter, plus the first locked one
    shown_locked = False
    for p in progress:
        if p.unlocked:
            lines.append(chapter_line(p))
        elif not shown_locked:
            lines.append(chapter_line(p) + f" ({locked_message(progress, p.chapter.id).split(' - ', 1)[1]})")
            shown_locked = True
    unlocked_now = {p.chapter.id for p in progress if p.unlocked}
    for chapter_id in locked_requested:
        if chapter_id in unlocked_now:
            lines.append(f"{chapter_id} is open now (it was locked when this run started): "
                         f"pytest {kata_path(catalogue.chapter(chapter_id).katas[0]).rsplit('/', 1)[0]}")
        else:
            lines.append(locked_message(progress, chapter_id))
    upcoming = next_kata(progress)
    if upcoming is not None:
        lines.append(f"next: {upcoming.id} ({upcoming.type}, {upcoming.difficulty}) - "
                     f"pytest {kata_path(upcoming)}")
    elif all(p.complete for p in progress):
        lines.append("every kata mastered - well done")
    return lines
