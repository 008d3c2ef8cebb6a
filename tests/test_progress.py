"""The SQLite progress store: schema, transactions, states, corrupt files, concurrency."""

from __future__ import annotations

import multiprocessing
import sqlite3
from datetime import datetime, timedelta, timezone

import pytest

from pytest_numkata.progress.outcomes import Outcome, Status
from pytest_numkata.progress.store import (
    SCHEMA_VERSION, Attempt, Failure, ProgressStore, StoreError,
)


def test_a_missing_store_is_not_created_when_only_reading(tmp_path):
    with ProgressStore(tmp_path / "home", create=False) as store:
        assert store.states() == {} and store.attempts() == []
    assert not (tmp_path / "home").exists()


def test_states_follow_the_attempts(tmp_path):
    with ProgressStore(tmp_path) as store:
        store.record_run([Attempt("ch00/a", Outcome.NOT_ATTEMPTED)])
        assert store.states()["ch00/a"].status is Status.NOT_ATTEMPTED
        assert store.states()["ch00/a"].status.label == "not attempted"
        store.record_run([Attempt("ch00/a", Outcome.FAILED, failures=(Failure("c", "m"),))])
        assert store.states()["ch00/a"].status == "failing"
        store.record_run([Attempt("ch00/a", Outcome.PASSED)])
        first = store.states()["ch00/a"].first_mastered_at
        assert store.states()["ch00/a"].status == "mastered"
        store.record_run([Attempt("ch00/a", Outcome.FAILED)])
        state = store.states()["ch00/a"]
        assert state.status == "regressed" and state.mastered and state.attempts == 4
        store.record_run([Attempt("ch00/a", Outcome.PASSED)])
        assert store.states()["ch00/a"].first_mastered_at == first


def test_attempts_keep_local_dates_and_failures(tmp_path):
    moment = datetime(2026, 3, 1, 0, 30, tzinfo=timezone(timedelta(hours=9)))
    with ProgressStore(tmp_path) as store:
        store.record_run([Attempt("ch00/a", Outcome.FAILED, 0.5, 3, (Failure("x", "boom"),))], finished=moment)
        (row,) = store.attempts()
    assert row["local_date"] == "2026-03-01"  # the learner's calendar day, not UTC's
    assert row["at"].startswith("2026-02-28T15:30")
    assert row["failures"] == [{"check": "x", "message": "boom"}]
    assert row["checks_failed"] == 1 and row["checks_total"] == 3


def test_a_failed_write_leaves_nothing_behind(tmp_path):
    with ProgressStore(tmp_path) as store:
        with pytest.raises(ValueError):
            store.record_run([Attempt("ch00/a", Outcome.PASSED), Attempt("ch00/b", "bogus")])
        assert store.attempts() == [] and store.states() == {}


def test_schema_version_is_recorded(tmp_path):
    ProgressStore(tmp_path).close()
    db = sqlite3.connect(tmp_path / "progress.sqlite3")
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_store_from_a_newer_numkata_is_refused(tmp_path):
    ProgressStore(tmp_path).close()
    db = sqlite3.connect(tmp_path / "progress.sqlite3")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(StoreError, match="newer numkata"):
        ProgressStore(tmp_path)


def test_a_corrupt_file_is_moved_aside_not_replaced(tmp_path):
    (tmp_path / "progress.sqlite3").write_bytes(b"this is not a database" * 100)
    with ProgressStore(tmp_path) as store:
        assert store.moved_aside is not None and store.moved_aside.exists()
        assert store.moved_aside.read_bytes().startswith(b"this is not a database")
        store.record_run([Attempt("ch00/a", Outcome.PASSED)])
        assert store.states()["ch00/a"].mastered


def _writer(home, kata, n):
    with ProgressStore(home) as store:
        for _ in range(n):
            store.record_run([Attempt(kata, Outcome.PASSED)])


def test_concurrent_writers_lose_nothing(tmp_path):
    ProgressStore(tmp_path).close()
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_writer, args=(tmp_path, f"ch00/k{i}", 25)) for i in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    with ProgressStore(tmp_path) as store:
        assert len(store.attempts()) == 100
        assert all(s.attempts == 25 for s in store.states().values())


def test_hints_are_counted(tmp_path):
    with ProgressStore(tmp_path) as store:
        assert store.record_hint("ch00/a") == 1
        assert store.record_hint("ch00/a") == 2
        assert store.states()["ch00/a"].hints_used == 2


def test_an_old_store_is_migrated_with_its_history(tmp_path):
    from pytest_numkata.progress.store import MIGRATIONS

    db = sqlite3.connect(tmp_path / "progress.sqlite3")
    for statement in MIGRATIONS[0].split(";"):
        if statement.strip():
            db.execute(statement)
    db.execute("PRAGMA user_version = 1")
    db.execute("INSERT INTO runs (started_at, finished_at, utc_offset_minutes) VALUES ('t', 't', 0)")
    db.execute("INSERT INTO attempts (run_id, kata, at, local_date, outcome) "
               "VALUES (1, 'ch00/a', '2026-01-01T00:00:00', '2026-01-01', 'passed')")
    db.execute("INSERT INTO kata_state (kata, attempts, last_outcome, first_mastered_at) "
               "VALUES ('ch00/a', 1, 'passed', '2026-01-01T00:00:00')")
    db.commit()
    db.close()
    with ProgressStore(tmp_path) as store:
        assert store.states()["ch00/a"].mastered
        assert len(store.attempts()) == 1
    db = sqlite3.connect(tmp_path / "progress.sqlite3")
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    indexes = {row[1] for row in db.execute("PRAGMA index_list(attempts)")}
    assert "attempts_by_day" in indexes


def test_the_graded_files_sha256_is_stored_and_versions_are_counted(tmp_path):
    one, two = "1" * 64, "2" * 64
    with ProgressStore(tmp_path) as store:
        store.record_run([Attempt("ch00/a", "failed", source_sha256=one),
                          Attempt("ch00/b", "not_attempted", source_sha256="0" * 64)])
        store.record_run([Attempt("ch00/a", "failed", source_sha256=one)])
        store.record_run([Attempt("ch00/a", "passed", source_sha256=two)])
        store.record_run([Attempt("ch00/a", "passed")])  # a grader that supplies no sha256
        assert [a["source_sha256"] for a in store.attempts("ch00/a")] == [one, one, two, None]
        # (graded runs, distinct known files, runs without a sha256); not-attempted runs
        # are neither runs nor versions
        assert store.versions() == {"ch00/a": (4, 2, 1)}


def test_a_version_2_store_gains_the_sha256_column(tmp_path):
    from pytest_numkata.progress.store import MIGRATIONS

    db = sqlite3.connect(tmp_path / "progress.sqlite3")
    for script in MIGRATIONS[:2]:
        for statement in script.split(";"):
            if statement.strip():
                db.execute(statement)
    db.execute("PRAGMA user_version = 2")
    db.execute("INSERT INTO runs (started_at, finished_at, utc_offset_minutes) VALUES ('t', 't', 0)")
    for outcome in ("failed", "failed", "passed"):
        db.execute("INSERT INTO attempts (run_id, kata, at, local_date, outcome) "
                   "VALUES (1, 'ch00/a', '2026-01-01T00:00:00', '2026-01-01', ?)", (outcome,))
    db.commit()
    db.close()
    with ProgressStore(tmp_path) as store:
        assert [a["source_sha256"] for a in store.attempts()] == [None, None, None]
        assert store.versions() == {"ch00/a": (3, 0, 3)}
        store.record_run([Attempt("ch00/a", "passed", source_sha256="a" * 64)])
        assert store.versions() == {"ch00/a": (4, 1, 3)}
    db = sqlite3.connect(tmp_path / "progress.sqlite3")
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
    assert "attempts_by_version" in {row[1] for row in db.execute("PRAGMA index_list(attempts)")}
    db.close()


def test_each_run_records_its_grading_seed_and_sandbox(tmp_path):
    with ProgressStore(tmp_path) as store:
        store.record_run([Attempt("ch00/a", "passed")], grading_seed="exam-7",
                         sandbox="landlock-7 seccomp rlimits")
        store.record_run([Attempt("ch00/a", "failed")])
        rows = store.query("SELECT grading_seed, sandbox FROM runs ORDER BY id")
    assert [tuple(r) for r in rows] == [("exam-7", "landlock-7 seccomp rlimits"), (None, None)]
