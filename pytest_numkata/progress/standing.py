"""The learner's standing: each kata's status, which chapters are open, what comes next.

The unlock rule: the first chapter of each kata pack is always open; a pack's chapter N+1
opens once every kata of its chapter N has been mastered (passed every check in one run) at
least once. Packs do not gate each other: a teacher's pack can be started before numkata's
own is done. A mastered kata that fails later is *regressed*: it shows as such, but the
chapters it opened stay open.

A ``Standing`` is made once from the catalogue and the progress store's kata states
(``Standing.load(catalogue, home)``) and answers every question about progress: the plugin's
chapter lock and end-of-run summary, ``numkata status``, ``next``, ``hint``, watch and the
mastery report all ask it, none works it out itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..packs.catalogue import Catalogue, Chapter, Kata
from .outcomes import Status
from .store import KataState, ProgressStore

UNLOCK_RULE = ("a chapter opens when every kata of the chapter before it is mastered (the "
               "first chapter of each kata pack is open)")


@dataclass(frozen=True)
class ChapterStanding:
    chapter: Chapter
    unlocked: bool
    statuses: dict[str, Status]  # kata id -> status, in catalogue order

    @property
    def total(self) -> int:
        return len(self.chapter.katas)

    @property
    def mastered(self) -> int:
        """Katas mastered at least once (regressed ones count)."""
        return sum(1 for s in self.statuses.values() if s.ever_mastered)

    @property
    def regressed(self) -> int:
        return sum(1 for s in self.statuses.values() if s is Status.REGRESSED)

    @property
    def complete(self) -> bool:
        return self.mastered == self.total

    @property
    def left(self) -> int:
        return self.total - self.mastered

    def counts(self) -> dict[Status, int]:
        """How many katas have each status (every status present, in ``Status`` order)."""
        counts = dict.fromkeys(Status, 0)
        for status in self.statuses.values():
            counts[status] += 1
        return counts


@dataclass(frozen=True)
class Changes:
    """What happened between two standings (a run's before and after)."""

    newly_mastered: list[str]
    passing_again: list[str]  # regressed before, mastered now
    regressed: list[str]  # newly regressed
    opened: list[Chapter]  # chapters opened


class Standing:
    """Progress through the catalogue for one set of kata states."""

    def __init__(self, catalogue: Catalogue, states: Mapping[str, KataState],
                 unlock_all: bool = False):
        self.catalogue = catalogue
        self.states = dict(states)
        self.unlock_all = unlock_all
        self.moved_aside: Path | None = None  # where load() moved an unreadable store
        chapters: list[ChapterStanding] = []
        previous_complete = True
        pack = None
        for chapter in catalogue.chapters:
            if chapter.pack != pack:  # a pack's first chapter is open
                pack, previous_complete = chapter.pack, True
            statuses = {k.id: self._status(k.id) for k in chapter.katas}
            standing = ChapterStanding(chapter, unlock_all or previous_complete, statuses)
            chapters.append(standing)
            previous_complete = standing.complete
        self.chapters = chapters
        self._by_id = {c.chapter.id: c for c in chapters}
        self._statuses = {k: s for c in chapters for k, s in c.statuses.items()}

    @classmethod
    def load(cls, catalogue: Catalogue, home: Path, unlock_all: bool = False) -> Standing:
        """The standing recorded in ``home``'s progress store (none yet: a fresh start). Raises
        ``store.StoreError`` when the store cannot be used; a file that is not a database
        is moved aside (``moved_aside`` says where) and the standing is a fresh start."""
        with ProgressStore(home, create=False) as store:
            standing = cls(catalogue, store.states(), unlock_all)
            standing.moved_aside = store.moved_aside
        return standing

    def _status(self, kata_id: str) -> Status:
        state = self.states.get(kata_id)
        return state.status if state else Status.NOT_ATTEMPTED

    # ------------------------------------------------------------------ asking
    def status(self, kata_id: str) -> Status:
        return self._statuses[kata_id]

    def chapter(self, chapter_id: str) -> ChapterStanding:
        return self._by_id[chapter_id]

    def is_open(self, chapter_id: str) -> bool:
        return self._by_id[chapter_id].unlocked

    @property
    def unlocked(self) -> set[str]:
        """The ids of the open chapters."""
        return {c.chapter.id for c in self.chapters if c.unlocked}

    @property
    def first_locked(self) -> ChapterStanding | None:
        return next((c for c in self.chapters if not c.unlocked), None)

    @property
    def mastered(self) -> int:
        return sum(c.mastered for c in self.chapters)

    @property
    def all_mastered(self) -> bool:
        return all(c.complete for c in self.chapters)

    def counts(self) -> dict[Status, int]:
        counts = dict.fromkeys(Status, 0)
        for chapter in self.chapters:
            for status, n in chapter.counts().items():
                counts[status] += n
        return counts

    def chapter_before(self, chapter_id: str) -> ChapterStanding:
        """The chapter whose mastery opens ``chapter_id`` (not a pack's first chapter)."""
        index = [c.chapter.id for c in self.chapters].index(chapter_id)
        if index == 0 or self.chapters[index - 1].chapter.pack != self.chapters[index].chapter.pack:
            raise ValueError(f"{chapter_id} is the first chapter of its pack")
        return self.chapters[index - 1]

    def locked_message(self, chapter_id: str) -> str:
        """E.g. ``ch01 locked - master ch00 first: 4 of 7 katas left``."""
        before = self.chapter_before(chapter_id)
        return (f"{chapter_id} locked - master {before.chapter.id} first: "
                f"{before.left} of {before.total} katas left")

    # ------------------------------------------------------------------ what comes next
    def next_kata(self, chapter: str | None = None) -> Kata | None:
        """The kata to attempt next: a regressed one first, then the first not mastered in
        catalogue order, among open chapters; with ``chapter``, the first kata of that chapter
        not mastered now (a regressed one counts). None when there is none."""
        if chapter is not None:
            here = self._by_id[chapter]
            return next((k for k in here.chapter.katas
                         if here.statuses[k.id] is not Status.MASTERED), None)
        return self._next_among(self.chapters)

    @staticmethod
    def _next_among(chapters: list[ChapterStanding]) -> Kata | None:
        open_chapters = [c for c in chapters if c.unlocked]
        for c in open_chapters:
            for kata in c.chapter.katas:
                if c.statuses[kata.id] is Status.REGRESSED:
                    return kata
        for c in open_chapters:
            for kata in c.chapter.katas:
                if not c.statuses[kata.id].ever_mastered:
                    return kata
        return None

    def next_elsewhere(self, chapter: str | None) -> Kata | None:
        """The next kata to attempt outside ``chapter`` (None: there is no outside)."""
        if chapter is None:
            return None
        return self._next_among([c for c in self.chapters if c.chapter.id != chapter])

    def kata_after(self, current: Kata | None, chapter: str | None = None) -> Kata | None:
        """The first open kata not mastered now after ``current`` (in catalogue order,
        wrapping around; within ``chapter`` if given), so watch's ``n`` moves on even while the
        current kata is not mastered yet."""
        order = [k.id for c in self.chapters for k in c.chapter.katas]
        candidates = [k for c in self.chapters if c.unlocked and chapter in (None, c.chapter.id)
                      for k in c.chapter.katas if c.statuses[k.id] is not Status.MASTERED]
        if not candidates:
            return None
        if current is not None:
            here = order.index(current.id)
            later = [k for k in candidates if order.index(k.id) > here]
            if later:
                return later[0]
            others = [k for k in candidates if k.id != current.id]
            return others[0] if others else candidates[0]
        return candidates[0]

    # ------------------------------------------------------------------ a run's changes
    def changes_since(self, before: Standing) -> Changes:
        now, was = self._statuses, before._statuses
        return Changes(
            newly_mastered=[k for k, s in now.items() if s is Status.MASTERED
                            and not (k in was and was[k].ever_mastered)],
            passing_again=[k for k, s in now.items() if s is Status.MASTERED
                           and was.get(k) is Status.REGRESSED],
            regressed=[k for k, s in now.items() if s is Status.REGRESSED
                       and was.get(k) is not Status.REGRESSED],
            opened=[c.chapter for c, b in zip(self.chapters, before.chapters)
                    if c.unlocked and not b.unlocked],
        )
