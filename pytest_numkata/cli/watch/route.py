"""Which kata watch makes current: pure functions of each chapter's progress
(``unlocking.chapter_progress``), the watched chapter's id (None: every chapter) and, for
``n``, the current kata."""

from __future__ import annotations

from ...catalogue import Kata
from ...unlocking import ChapterProgress, next_kata

MASTERED = "mastered"


def first_kata(progress: list[ChapterProgress], chapter: str | None) -> Kata | None:
    """The kata to start with: the next one to attempt, or in ``chapter`` its first kata not
    mastered (a regressed one counts); None when there is none."""
    if chapter is None:
        return next_kata(progress)
    here = next(p for p in progress if p.chapter.id == chapter)
    return next((k for k in here.chapter.katas if here.statuses[k.id] != MASTERED), None)


def elsewhere(progress: list[ChapterProgress], chapter: str | None) -> Kata | None:
    """The next kata to attempt outside ``chapter``, if there is one."""
    if chapter is None:
        return None
    return next_kata([p for p in progress if p.chapter.id != chapter])


def kata_after(progress: list[ChapterProgress], chapter: str | None,
               current: Kata | None) -> Kata | None:
    """The first open kata not mastered after ``current`` (in catalogue order, wrapping
    around), so ``n`` moves on even while the current kata is not mastered yet."""
    order = [k.id for p in progress for k in p.chapter.katas]
    candidates = [k for p in progress if p.unlocked and chapter in (None, p.chapter.id)
                  for k in p.chapter.katas if p.statuses[k.id] != MASTERED]
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
