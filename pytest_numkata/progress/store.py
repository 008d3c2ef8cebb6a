"""The progress store: every graded attempt and each kata's mastered state, in SQLite.

One file, ``progress.sqlite3`` in the numkata home. Writes happen in one ``BEGIN IMMEDIATE``
transaction per run, so a run killed at any moment leaves either all of its attempts or none;
WAL journaling and a busy timeout (``database.py``) let runs on the same home write one after
the other, even when they create the store at the same moment.
``PRAGMA user_version`` holds the schema version; ``MIGRATIONS`` brings older stores forward.
A file that is not a readable database is moved aside with a timestamp, never overwritten.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from . import database
from .outcomes import Outcome, Status, status_of

DB_NAME = "progress.sqlite3"

# The schema's history: never edited, only added to (so its outcome words are spelled out).
MIGRATIONS: tuple[str, ...] = (
    # version 1
    """
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        utc_offset_minutes INTEGER NOT NULL,
        command TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE attempts (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES runs(id),
        kata TEXT NOT NULL,
        at TEXT NOT NULL,
        local_date TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('passed', 'failed', 'not_attempted')),
        duration REAL NOT NULL DEFAULT 0,
        checks_total INTEGER NOT NULL DEFAULT 0,
        checks_failed INTEGER NOT NULL DEFAULT 0,
        failures TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX attempts_by_kata ON attempts (kata, at);
    CREATE TABLE kata_state (
        kata TEXT PRIMARY KEY,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_outcome TEXT,
        last_attempt_at TEXT,
        first_mastered_at TEXT,
        hints_used INTEGER NOT NULL DEFAULT 0
    );
    """,
    # version 2: the report aggregates by day and kata; a covering index makes that one scan
    """
    CREATE INDEX attempts_by_day ON attempts (local_date, kata, outcome);
    """,
    # version 3: the sha256 of the graded file, so the report can count versions of a kata
    # (NULL for attempts recorded before, or by a grader that does not supply it)
    """
    ALTER TABLE attempts ADD COLUMN source_sha256 TEXT;
    CREATE INDEX attempts_by_version ON attempts (kata, source_sha256, outcome);
    """,
    # version 4: how each run was graded - the grading seed (NULL: the public, derandomised
    # examples) and the sandbox strength of its learner processes
    """
    ALTER TABLE runs ADD COLUMN grading_seed TEXT;
    ALTER TABLE runs ADD COLUMN sandbox TEXT;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(Exception):
    """The progress store cannot be used; the message says why and what was done."""


@dataclass(frozen=True)
class Failure:
    check: str
    message: str


@dataclass(frozen=True)
class Attempt:
    kata: str
    outcome: Outcome
    duration: float = 0.0
    checks_total: int = 0
    failures: tuple[Failure, ...] = field(default=())
    # hex sha256 of the kata file that was graded; None when the grader did not supply it
    source_sha256: str | None = None


@dataclass(frozen=True)
class KataState:
    kata: str
    attempts: int = 0
    last_outcome: Outcome | None = None
    last_attempt_at: str | None = None
    first_mastered_at: str | None = None
    hints_used: int = 0

    @property
    def mastered(self) -> bool:
        """Ever mastered: a later failure makes the kata regressed, not un-mastered."""
        return self.first_mastered_at is not None

    @property
    def status(self) -> Status:
        return status_of(self.last_outcome, self.mastered)


def _now() -> datetime:
    return datetime.now(timezone.utc).astimezone()


def _iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds")


class ProgressStore:
    """A connection to one home's progress database."""

    def __init__(self, home: Path, *, create: bool = True):
        self.home = Path(home)
        self.path = self.home / DB_NAME
        self.moved_aside: Path | None = None
        if not create and not self.path.exists():
            self._conn = None
            return
        self.home.mkdir(parents=True, exist_ok=True)
        self._conn = self._connect()

    # ------------------------------------------------------------------ opening and migrating
    def _connect(self) -> sqlite3.Connection:
        try:
            conn = self._open_and_migrate()
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
                raise StoreError(f"the progress store {self.path} is busy: {exc}") from exc
            self.moved_aside = self._move_aside()
            conn = self._open_and_migrate()
        return conn

    def _open_and_migrate(self) -> sqlite3.Connection:
        conn = database.connect(self.path)
        try:
            conn.execute("PRAGMA synchronous = NORMAL")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path} was written by a newer numkata (schema {version}, this one "
                    f"knows {SCHEMA_VERSION}): upgrade numkata"
                )
            if version < SCHEMA_VERSION:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    version = conn.execute("PRAGMA user_version").fetchone()[0]
                    for number in range(version, SCHEMA_VERSION):
                        for statement in MIGRATIONS[number].split(";"):
                            if statement.strip():
                                conn.execute(statement)
                    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                    conn.execute("COMMIT")
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
            else:
                # A quick probe that the tables are readable at all.
                conn.execute("SELECT count(*) FROM kata_state").fetchone()
        except BaseException:
            conn.close()
            raise
        return conn

    def _move_aside(self) -> Path:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        counter = 1
        while target.exists():
            target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{counter}")
            counter += 1
        self.path.rename(target)
        for suffix in ("-wal", "-shm"):
            side = self.path.with_name(self.path.name + suffix)
            if side.exists():
                side.rename(target.with_name(target.name + suffix))
        return target

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> ProgressStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ reading
    def states(self) -> dict[str, KataState]:
        if self._conn is None:
            return {}
        rows = self._conn.execute(
            "SELECT kata, attempts, last_outcome, last_attempt_at, first_mastered_at, hints_used "
            "FROM kata_state"
        ).fetchall()
        return {kata: KataState(kata, attempts, None if last is None else Outcome(last), *rest)
                for kata, attempts, last, *rest in rows}

    def attempts(self, kata: str | None = None) -> list[dict]:
        if self._conn is None:
            return []
        sql = ("SELECT kata, at, local_date, outcome, duration, checks_total, checks_failed, "
               "failures, run_id, source_sha256 FROM attempts")
        params: tuple = ()
        if kata is not None:
            sql += " WHERE kata = ?"
            params = (kata,)
        sql += " ORDER BY id"
        keys = ("kata", "at", "local_date", "outcome", "duration", "checks_total",
                "checks_failed", "failures", "run_id", "source_sha256")
        out = []
        for row in self._conn.execute(sql, params):
            item = dict(zip(keys, row))
            item["outcome"] = Outcome(item["outcome"])
            item["failures"] = json.loads(item["failures"])
            out.append(item)
        return out

    def versions(self) -> dict[str, tuple[int, int, int]]:
        """Per kata: (graded runs, distinct files graded among runs that recorded a sha256,
        graded runs that recorded none). Not-attempted runs are not counted."""
        if self._conn is None:
            return {}
        rows = self._conn.execute(
            "SELECT kata, count(*), count(DISTINCT source_sha256), "
            "sum(source_sha256 IS NULL) FROM attempts "
            "WHERE outcome IN (?, ?) GROUP BY kata", (Outcome.PASSED.value, Outcome.FAILED.value)
        ).fetchall()
        return {kata: (runs, known, unknown) for kata, runs, known, unknown in rows}

    def query(self, sql: str, params: tuple = ()) -> list[tuple]:
        """Read-only SQL for reports (an empty list when there is no store)."""
        if self._conn is None:
            return []
        if not sql.lstrip().upper().startswith("SELECT"):
            raise ValueError("query() only reads")
        return self._conn.execute(sql, params).fetchall()

    # ------------------------------------------------------------------ writing
    def record_run(self, attempts: Iterable[Attempt], *, started: datetime | None = None,
                   finished: datetime | None = None, command: str = "",
                   grading_seed: str | None = None, sandbox: str | None = None) -> int:
        """Record one run's attempts and update each kata's state, in one transaction.
        ``grading_seed`` and ``sandbox`` say how the run was graded."""
        if self._conn is None:
            raise StoreError("the progress store was opened read-only")
        attempts = list(attempts)
        finished = finished or _now()
        started = started or finished
        offset = finished.utcoffset()
        offset_minutes = int(offset.total_seconds() // 60) if offset is not None else 0
        at = _iso(finished)
        local_date = finished.date().isoformat()
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            run_id = conn.execute(
                "INSERT INTO runs (started_at, finished_at, utc_offset_minutes, command, "
                "grading_seed, sandbox) VALUES (?, ?, ?, ?, ?, ?)",
                (_iso(started), at, offset_minutes, command, grading_seed, sandbox),
            ).lastrowid
            for attempt in attempts:
                outcome = Outcome(attempt.outcome)  # ValueError: not an outcome
                failures = json.dumps(
                    [{"check": f.check, "message": f.message} for f in attempt.failures]
                )
                conn.execute(
                    "INSERT INTO attempts (run_id, kata, at, local_date, outcome, duration, "
                    "checks_total, checks_failed, failures, source_sha256) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (run_id, attempt.kata, at, local_date, outcome.value, attempt.duration,
                     attempt.checks_total, len(attempt.failures), failures,
                     attempt.source_sha256),
                )
                mastered_at = at if outcome is Outcome.PASSED else None
                conn.execute(
                    "INSERT INTO kata_state (kata, attempts, last_outcome, last_attempt_at, "
                    "first_mastered_at) VALUES (?, 1, ?, ?, ?) "
                    "ON CONFLICT (kata) DO UPDATE SET attempts = attempts + 1, "
                    "last_outcome = excluded.last_outcome, "
                    "last_attempt_at = excluded.last_attempt_at, "
                    "first_mastered_at = coalesce(first_mastered_at, excluded.first_mastered_at)",
                    (attempt.kata, outcome.value, at, mastered_at),
                )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return int(run_id)

    def record_hint(self, kata: str) -> int:
        """Count one more hint shown for ``kata``; returns the new count."""
        if self._conn is None:
            raise StoreError("the progress store was opened read-only")
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(
                "INSERT INTO kata_state (kata, hints_used) VALUES (?, 1) "
                "ON CONFLICT (kata) DO UPDATE SET hints_used = hints_used + 1",
                (kata,),
            )
            count = conn.execute(
                "SELECT hints_used FROM kata_state WHERE kata = ?", (kata,)
            ).fetchone()[0]
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return int(count)
