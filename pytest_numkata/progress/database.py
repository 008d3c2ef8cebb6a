"""Opening numkata's SQLite files (a home's progress store, a class's gradebook) so that
several processes can write them one after the other.

Each connection waits up to ``BUSY_SECONDS`` for another's write to finish (SQLite's busy
timeout), and the file is switched to WAL journaling, which SQLite keeps in the file.

One step does not wait: when two processes open a *new* file at the same moment, SQLite
answers ``PRAGMA journal_mode = WAL`` with "database is locked" at once instead of waiting out
the busy timeout (measured: 15 of 300 connections, three processes opening a fresh file
together, SQLite 3.40). A run that took that error for a busy store lost its attempts; so the
switch is retried here, with a short back-off, for as long as the busy timeout would wait.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

BUSY_SECONDS = 30.0
FIRST_DELAY = 0.002  # seconds before the first retry; doubled up to MAX_DELAY
MAX_DELAY = 0.1


def connect(path: Path) -> sqlite3.Connection:
    """A connection to ``path`` (created if missing) in autocommit mode (``BEGIN`` is
    explicit), with the busy timeout set and WAL journaling on. Raises ``sqlite3.Error``
    (``OperationalError`` "database is locked" only after ``BUSY_SECONDS``)."""
    conn = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None)
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_SECONDS * 1000)}")
        _use_wal(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def _use_wal(conn: sqlite3.Connection) -> None:
    deadline = time.monotonic() + BUSY_SECONDS
    delay = FIRST_DELAY
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL").fetchall()
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() + delay > deadline:
                raise
        time.sleep(delay)
        delay = min(2 * delay, MAX_DELAY)
