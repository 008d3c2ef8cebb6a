"""Which chapters are open, how far each one is, and which kata comes next.

The rule: the first chapter of each kata pack is always open; a pack's chapter N+1 opens once
every kata of its chapter N has been mastered (passed every check in one run) at least once.
Packs do not gate each other: a teacher's pack can be started before numkata's own is done.
A mastered kata that fails later is *regressed*: it shows as such, but the chapters it opened
stay open.
Pure functions of the catalogue and the progress store's kata states.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .catalogue import Catalogue, Chapter, Kata
from .progress import STATUS_NOT_ATTEMPTED, STATUS_REGRESSED, KataState

UNLOCK_RULE = ("a chapter opens when every kata of the chapter before it is mastered (the "
               "first chapter of each kata pack is open)")


@dataclass(frozen=True)
class ChapterProgress:
    chapter: Chapter
    unlocked: bool
    statuses: dict[str, str]  # kata id -> status

    @property
    def total(self) -> int:
        return len(self.chapter.katas)

    @property
    def mastered(self) -> int:
        return sum(1 for s in self.statuses.values() if s in ("mastered", STATUS_REGRESSED))

    @property
    def complete(self) -> bool:
        return self.mastered == self.total

    @property
    def left(self) -> int:
        return self.total - self.mastered


def status_of(kata: Kata, states: Mapping[str, KataState]) -> str:
    state = states.get(kata.id)
    return state.status if state else STATUS_NOT_ATTEMPTED


def chapter_progress(catalogue: Catalogue, states: Mapping[str, KataState],
                     unlock_all: bool = False) -> list[ChapterProgress]:
    out: list[ChapterProgress] = []
    previous_complete = True
    pack = None
    for chapter in catalogue.chapters:
        if chapter.pack != pack:  # a pack's first chapter is open
            pack, previous_complete = chapter.pack, True
        statuses = {k.id: status_of(k, states) for k in chapter.katas}
        progress = ChapterProgress(chapter, unlock_all or previous_complete, statuses)
        out.append(progress)
        previous_complete = progress.complete
    return out


def locked_message(progress: list[ChapterProgress], chapter_id: str) -> str:
    """E.g. ``ch01 locked - master ch00 first: 4 of 7 katas left``."""
    index = [p.chapter.id for p in progress].index(chapter_id)
    before = progress[index - 1]
    return (
        f"{chapter_id} locked - master {before.chapter.id} first: "
        f"{before.left} of {before.total} katas left"
    )


def next_kata(progress: list[ChapterProgress]) -> Kata | None:
    """The kata to attempt next: a regressed one first, then the first unmastered one in order,
    among open chapters."""
    open_chapters = [p for p in progress if p.unlocked]
    for p in open_chapters:
        for kata in p.chapter.katas:
            if p.statuses[kata.id] == STATUS_REGRESSED:
                return kata
    for p in open_chapters:
        for kata in p.chapter.katas:
            if p.statuses[kata.id] not in ("mastered", STATUS_REGRESSED):
                return kata
    return None
