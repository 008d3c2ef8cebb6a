"""numkata's SQLite files when several processes create one at the same moment.

Three pytest runs started together on a fresh home all create its progress store; a teacher
may start two gradings into one ``--out``. SQLite answers the switch to WAL journaling with
"database is locked" at once in that moment, without waiting out the busy timeout: before
``progress/database.py`` retried it, about half of such triples lost one run's attempts
(102 of 200 measured), reported only as "progress not recorded".
"""

from __future__ import annotations

import multiprocessing
import sqlite3
import time

import pytest

from pytest_numkata.progress import database
from pytest_numkata.progress.outcomes import Outcome
from pytest_numkata.progress.store import Attempt, ProgressStore

HOMES = 15  # fresh files, each created by WRITERS processes at once
WRITERS = 3


def _at_once(target, homes) -> list[list[int]]:
    """Run ``target(home, index, barrier)`` in WRITERS forked processes per home, released
    together once all have started; the exit codes per home."""
    ctx = multiprocessing.get_context("fork")
    codes = []
    for home in homes:
        barrier = ctx.Barrier(WRITERS)
        procs = [ctx.Process(target=target, args=(home, i, barrier)) for i in range(WRITERS)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(60)
        codes.append([p.exitcode for p in procs])
    return codes


def _all_exit_0(codes: list[list[int]]) -> None:
    failed = [c for c in codes if c != [0] * WRITERS]
    assert not failed, f"{len(failed)} of {len(codes)} files: a writer failed {codes}"


def _run(home, index, barrier):
    """What a pytest run does with the store: read the standing, then record its attempts."""
    barrier.wait(30)
    with ProgressStore(home, create=False) as store:
        store.states()
    with ProgressStore(home) as store:
        store.record_run([Attempt(f"ch00/k{index}", Outcome.PASSED),
                          Attempt("ch00/shared", Outcome.FAILED)])


def test_runs_creating_the_store_at_the_same_moment_record_every_attempt(tmp_path):
    homes = [tmp_path / f"home{n}" for n in range(HOMES)]
    _all_exit_0(_at_once(_run, homes))
    for home in homes:
        with ProgressStore(home) as store:
            assert store.moved_aside is None
            assert len(store.attempts()) == 2 * WRITERS
            assert store.states()["ch00/shared"].attempts == WRITERS


def _grade(out, index, barrier):
    from pytest_numkata.classroom.gradebook import Gradebook

    barrier.wait(30)
    with Gradebook(out) as book:
        book.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()


def test_gradebooks_opened_at_the_same_moment_all_open(tmp_path):
    outs = [tmp_path / f"out{n}" for n in range(HOMES)]
    for out in outs:
        out.mkdir()
    _all_exit_0(_at_once(_grade, outs))


def test_a_file_locked_for_longer_than_the_busy_timeout_is_reported(tmp_path, monkeypatch):
    """The retry is bounded: a switch to WAL that stays locked raises after BUSY_SECONDS."""
    monkeypatch.setattr(database, "BUSY_SECONDS", 0.3)
    path = tmp_path / "p.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")  # a rollback-journal file no one else may read
    try:
        began = time.monotonic()
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            database.connect(path)
        assert 0.25 < time.monotonic() - began < 5
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    conn = database.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
