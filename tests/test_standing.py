"""The unlock rule, each chapter's standing and the next kata (``progress.standing.Standing``),
and the vocabulary they speak (``progress.outcomes``)."""

from __future__ import annotations

import json
import sqlite3

from pytest_numkata.packs import catalogue
from pytest_numkata.plugin.summary import change_lines
from pytest_numkata.progress.outcomes import FileState, Outcome, Status
from pytest_numkata.progress.standing import Standing
from pytest_numkata.progress.store import Attempt, KataState, ProgressStore

CAT = catalogue.load()
CH0, CH1 = CAT.chapters[0], CAT.chapters[1]


def _mastered(kata_id, last=Outcome.PASSED):
    return KataState(kata_id, attempts=1, last_outcome=last,
                     first_mastered_at="2026-01-01T00:00:00")


def test_only_the_first_chapter_is_open_at_the_start():
    standing = Standing(CAT, {})
    assert [c.unlocked for c in standing.chapters] == [True] + [False] * (len(CAT.chapters) - 1)
    assert standing.next_kata() == CH0.katas[0]
    n = len(CH0.katas)
    assert standing.locked_message(CH1.id) == (f"{CH1.id} locked - master {CH0.id} first: "
                                                f"{n} of {n} katas left")


def test_mastering_every_kata_opens_the_next_chapter_and_regression_keeps_it_open():
    states = {k.id: _mastered(k.id) for k in CH0.katas}
    standing = Standing(CAT, states)
    assert standing.chapters[1].unlocked and standing.chapters[0].complete
    states[CH0.katas[0].id] = _mastered(CH0.katas[0].id, last=Outcome.FAILED)
    standing = Standing(CAT, states)
    assert standing.chapters[1].unlocked
    assert standing.chapters[0].statuses[CH0.katas[0].id] is Status.REGRESSED
    assert standing.status(CH0.katas[0].id) is Status.REGRESSED
    assert standing.chapters[0].regressed == 1 and standing.chapters[0].mastered == len(CH0.katas)
    assert standing.next_kata() == CH0.katas[0]  # regressed katas come first


def test_unlock_all_opens_everything():
    assert all(c.unlocked for c in Standing(CAT, {}, unlock_all=True).chapters)
    assert Standing(CAT, {}, unlock_all=True).unlocked == {c.id for c in CAT.chapters}


def test_counts_and_changes_between_two_standings():
    first, second = CH0.katas[0].id, CH0.katas[1].id
    before = Standing(CAT, {first: _mastered(first, last=Outcome.FAILED),
                            second: KataState(second, 1, Outcome.FAILED)})
    assert before.counts() == {Status.MASTERED: 0, Status.REGRESSED: 1, Status.FAILING: 1,
                               Status.NOT_ATTEMPTED: len(CAT.katas) - 2}
    after = Standing(CAT, {k.id: _mastered(k.id) for k in CH0.katas})
    changes = after.changes_since(before)
    assert changes.passing_again == [first]
    assert changes.newly_mastered == [k.id for k in CH0.katas[1:]]
    assert changes.regressed == [] and changes.opened == [CAT.chapters[1]]
    assert changes_lines_mention(change_lines(before, after), first, second, CH1.id)
    back = Standing(CAT, {**after.states, second: _mastered(second, last=Outcome.FAILED)})
    assert back.changes_since(after).regressed == [second]


def changes_lines_mention(lines, *words):
    text = "\n".join(lines)
    return all(word in text for word in words)


def test_the_words_keep_their_stored_and_shown_spellings():
    assert [o.value for o in Outcome] == ["passed", "failed", "not_attempted"]
    assert [s.value for s in Status] == ["mastered", "regressed", "failing", "not_attempted"]
    assert Status.NOT_ATTEMPTED.label == Outcome.NOT_ATTEMPTED.label == "not attempted"
    assert FileState.SYNTAX_ERROR.label == "syntax error"
    assert f"{Outcome.PASSED}" == str(Outcome.PASSED) == "passed"
    assert json.dumps({"status": Status.REGRESSED}) == '{"status": "regressed"}'
    assert {Status.MASTERED: 1}["mastered"] == 1 and Status("not_attempted").ever_mastered is False


def test_a_store_written_before_the_words_were_enums_still_reads(tmp_path):
    """Outcomes are stored as the same words as ever: an existing database reads, and a new
    run adds to it in the same spelling."""
    with ProgressStore(tmp_path):
        pass
    db = sqlite3.connect(tmp_path / "progress.sqlite3")
    db.execute("INSERT INTO runs (started_at, finished_at, utc_offset_minutes) "
               "VALUES ('2026-01-01', '2026-01-01', 0)")
    for kata, outcome, mastered in (("ch00/a", "passed", "2026-01-01"),
                                    ("ch00/b", "not_attempted", None),
                                    ("ch00/c", "failed", "2026-01-01")):
        db.execute("INSERT INTO attempts (run_id, kata, at, local_date, outcome) "
                   "VALUES (1, ?, '2026-01-01', '2026-01-01', ?)", (kata, outcome))
        db.execute("INSERT INTO kata_state (kata, attempts, last_outcome, first_mastered_at) "
                   "VALUES (?, 1, ?, ?)", (kata, outcome, mastered))
    db.commit()
    db.close()
    with ProgressStore(tmp_path) as store:
        states = store.states()
        assert {k: s.status for k, s in states.items()} == {
            "ch00/a": Status.MASTERED, "ch00/b": Status.NOT_ATTEMPTED,
            "ch00/c": Status.REGRESSED}
        assert states["ch00/a"].last_outcome is Outcome.PASSED
        store.record_run([Attempt("ch00/b", Outcome.FAILED)])
        assert [a["outcome"] for a in store.attempts()] == [
            Outcome.PASSED, Outcome.NOT_ATTEMPTED, Outcome.FAILED, Outcome.FAILED]
    raw = sqlite3.connect(tmp_path / "progress.sqlite3")
    assert raw.execute("SELECT outcome FROM attempts ORDER BY id DESC LIMIT 1").fetchone() \
        == ("failed",)
    assert raw.execute("SELECT last_outcome FROM kata_state WHERE kata = 'ch00/b'").fetchone() \
        == ("failed",)


def test_load_reads_the_store_once(tmp_path):
    assert Standing.load(CAT, tmp_path / "none").states == {}  # no store: a fresh start
    assert not (tmp_path / "none").exists()
    with ProgressStore(tmp_path) as store:
        store.record_run([Attempt(k.id, Outcome.PASSED) for k in CH0.katas])
    standing = Standing.load(CAT, tmp_path)
    assert standing.is_open(CH1.id) and standing.next_kata() == CH1.katas[0]
    assert standing.mastered == len(CH0.katas) and not standing.all_mastered
    assert standing.first_locked.chapter == CAT.chapters[2]
