"""The gradebook: ``gradebook.sqlite3`` in OUTDIR, written by the client alone.

Tables:

- ``learners``: one row per learner - what was graded (the submission's sha256 over its taken
  files), with which settings (``config``), the outcome of the run (``status``, ``note``), the
  ignored files, when and how long;
- ``grades``: one row per (learner, kata) - verdict, checks passed/total, the failing checks
  with their messages, the named mistakes, the sha256 of the graded file, numkata's version,
  the seed, the sandbox strength, the kata's grading duration (its checks' time, 0 when not
  run) and time;
- ``skipped``: entries of SUBMISSIONS that are not learners, from the latest run.

A learner is written in one ``BEGIN IMMEDIATE`` transaction (its old rows out, its new rows
in), so an interrupted batch never leaves a half-graded learner; a learner whose submission
hash and config are unchanged is not graded again.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..progress import database
from .grade_one import VERDICTS

DB_NAME = "gradebook.sqlite3"
SCHEMA_VERSION = 1

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS learners (
    learner TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    kind TEXT NOT NULL,
    submission_sha256 TEXT NOT NULL,
    config TEXT NOT NULL,
    status TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    ignored TEXT NOT NULL DEFAULT '[]',
    katas_total INTEGER NOT NULL,
    mastered INTEGER NOT NULL,
    numkata_version TEXT NOT NULL,
    seed TEXT,
    sandbox TEXT NOT NULL,
    host TEXT NOT NULL DEFAULT '',
    duration REAL NOT NULL,
    graded_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS grades (
    learner TEXT NOT NULL REFERENCES learners(learner),
    kata TEXT NOT NULL,
    chapter TEXT NOT NULL,
    position INTEGER NOT NULL,
    verdict TEXT NOT NULL CHECK (verdict IN ({", ".join(repr(v) for v in VERDICTS)})),
    checks_passed INTEGER NOT NULL,
    checks_total INTEGER NOT NULL,
    failures TEXT NOT NULL DEFAULT '[]',
    mistakes TEXT NOT NULL DEFAULT '[]',
    sha256 TEXT,
    numkata_version TEXT NOT NULL,
    seed TEXT,
    sandbox TEXT NOT NULL,
    duration REAL NOT NULL,
    graded_at TEXT NOT NULL,
    PRIMARY KEY (learner, kata)
);
CREATE TABLE IF NOT EXISTS skipped (
    entry TEXT PRIMARY KEY,
    reason TEXT NOT NULL
);
"""


class GradebookError(Exception):
    """The gradebook cannot be used; the message says why."""


@dataclass(frozen=True)
class Stored:
    submission_sha256: str
    config: str


class Gradebook:
    def __init__(self, outdir: Path):
        self.path = Path(outdir) / DB_NAME
        try:
            self.conn = database.connect(self.path)
            self.conn.execute("PRAGMA foreign_keys = ON")
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise GradebookError(f"{self.path} was written by a newer numkata (schema "
                                     f"{version}): upgrade numkata or use another --out")
            self.conn.executescript(SCHEMA)
            self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.DatabaseError as exc:
            raise GradebookError(f"{self.path} is not a usable gradebook: {exc}") from None

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Gradebook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ reading
    def stored(self) -> dict[str, Stored]:
        return {r[0]: Stored(r[1], r[2]) for r in self.conn.execute(
            "SELECT learner, submission_sha256, config FROM learners")}

    def learners(self, names: list[str] | None = None) -> list[dict]:
        cols = ("learner", "source", "kind", "submission_sha256", "config", "status", "note",
                "ignored", "katas_total", "mastered", "numkata_version", "seed", "sandbox",
                "host", "duration", "graded_at", "attempts")
        out = []
        for row in self.conn.execute(f"SELECT {', '.join(cols)} FROM learners ORDER BY learner"):
            item = dict(zip(cols, row))
            if names is not None and item["learner"] not in names:
                continue
            item["ignored"] = json.loads(item["ignored"])
            out.append(item)
        return out

    def grades(self, learner: str | None = None) -> list[dict]:
        cols = ("learner", "kata", "chapter", "position", "verdict", "checks_passed",
                "checks_total", "failures", "mistakes", "sha256", "numkata_version", "seed",
                "sandbox", "duration", "graded_at")
        sql = f"SELECT {', '.join(cols)} FROM grades"
        params: tuple = ()
        if learner is not None:
            sql += " WHERE learner = ?"
            params = (learner,)
        out = []
        for row in self.conn.execute(sql + " ORDER BY learner, position", params):
            item = dict(zip(cols, row))
            item["failures"] = json.loads(item["failures"])
            item["mistakes"] = json.loads(item["mistakes"])
            out.append(item)
        return out

    def skipped(self) -> list[tuple[str, str]]:
        return list(self.conn.execute("SELECT entry, reason FROM skipped ORDER BY entry"))

    # ------------------------------------------------------------------ writing
    def record(self, result: dict, *, source: str, kind: str, submission_sha256: str,
               config: str, ignored: list[str], positions: dict[str, int]) -> None:
        """Replace one learner's rows with ``result`` (grade_one's output), atomically."""
        learner = result["learner"]
        katas = result["katas"]
        mastered = sum(1 for r in katas.values() if r["verdict"] == "mastered")
        seed = None if result.get("seed") is None else str(result["seed"])
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            previous = conn.execute("SELECT attempts FROM learners WHERE learner = ?",
                                    (learner,)).fetchone()
            conn.execute("DELETE FROM grades WHERE learner = ?", (learner,))
            conn.execute("DELETE FROM learners WHERE learner = ?", (learner,))
            conn.execute(
                "INSERT INTO learners (learner, source, kind, submission_sha256, config, status,"
                " note, ignored, katas_total, mastered, numkata_version, seed, sandbox, host,"
                " duration, graded_at, attempts) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (learner, source, kind, submission_sha256, config, result["status"],
                 result.get("note") or "", json.dumps(ignored), len(katas), mastered,
                 result["numkata_version"], seed, result["sandbox"], result.get("host", ""),
                 float(result.get("duration", 0.0)), result["graded_at"],
                 (previous[0] + 1) if previous else 1))
            for kata_id, row in katas.items():
                conn.execute(
                    "INSERT INTO grades (learner, kata, chapter, position, verdict, "
                    "checks_passed, checks_total, failures, mistakes, sha256, numkata_version, "
                    "seed, sandbox, duration, graded_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (learner, kata_id, kata_id.split("/", 1)[0], positions.get(kata_id, 0),
                     row["verdict"], int(row["checks_passed"]), int(row["checks_total"]),
                     json.dumps(row["failures"]), json.dumps(row["mistakes"]), row["sha256"],
                     result["numkata_version"], seed, result["sandbox"],
                     float(row.get("duration", 0.0)), result["graded_at"]))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def replace_skipped(self, skipped: list[tuple[str, str]]) -> None:
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("DELETE FROM skipped")
            conn.executemany("INSERT INTO skipped (entry, reason) VALUES (?, ?)", skipped)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
