"""Unlock rule, chapter progress and the next kata, as pure functions."""

from __future__ import annotations

from pytest_numkata import catalogue
from pytest_numkata.progress import KataState
from pytest_numkata.unlocking import chapter_progress, locked_message, next_kata

CAT = catalogue.load()
CH0, CH1 = CAT.chapters[0], CAT.chapters[1]


def _mastered(kata_id, last="passed"):
    return KataState(kata_id, attempts=1, last_outcome=last, first_mastered_at="2026-01-01T00:00:00")


def test_only_the_first_chapter_is_open_at_the_start():
    progress = chapter_progress(CAT, {})
    assert [p.unlocked for p in progress] == [True] + [False] * (len(progress) - 1)
    assert next_kata(progress) == CH0.katas[0]
    n = len(CH0.katas)
    assert locked_message(progress, CH1.id) == f"{CH1.id} locked - master {CH0.id} first: {n} of {n} katas left"


def test_mastering_every_kata_opens_the_next_chapter_and_regression_keeps_it_open():
    states = {k.id: _mastered(k.id) for k in CH0.katas}
    progress = chapter_progress(CAT, states)
    assert progress[1].unlocked and progress[0].complete
    states[CH0.katas[0].id] = _mastered(CH0.katas[0].id, last="failed")
    progress = chapter_progress(CAT, states)
    assert progress[1].unlocked
    assert progress[0].statuses[CH0.katas[0].id] == "regressed"
    assert next_kata(progress) == CH0.katas[0]  # regressed katas come first


def test_unlock_all_opens_everything():
    assert all(p.unlocked for p in chapter_progress(CAT, {}, unlock_all=True))
