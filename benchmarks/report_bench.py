"""How long the mastery report takes for stores of 10^3, 10^4 and 10^5 attempts.

Prints numbers; asserts nothing. Seeds throwaway stores (a synthetic 60-kata catalogue, runs
spread over a year, failure messages on every failed attempt), then times ``write_report``
(read the store, aggregate, render HTML, write both files) in a fresh process-warm state.

    python benchmarks/report_bench.py [SIZES...]
"""

from __future__ import annotations

import json
import random
import sqlite3
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from pytest_numkata.packs.catalogue import Catalogue, Chapter, Kata
from pytest_numkata.progress.store import ProgressStore
from pytest_numkata.report import build_context, render_html, write_report
from pytest_numkata.report.data import read_store

TODAY = date(2025, 6, 30)


def catalogue(chapters: int = 10, per_chapter: int = 6) -> Catalogue:
    kinds = ("Derive", "Trace", "Build", "Debug", "Design")
    return Catalogue(tuple(
        Chapter(f"ch{c:02d}", f"Chapter {c}", tuple(
            Kata(f"ch{c:02d}/kata_{i}", kinds[(c + i) % 5], f"Kata {i} of chapter {c}",
                 ("easy", "medium", "hard")[i % 3], ("h1", "h2"))
            for i in range(per_chapter)))
        for c in range(chapters)))


def seed(home: Path, cat: Catalogue, attempts: int, per_run: int = 5) -> None:
    """Write ``attempts`` rows quickly: the schema through ProgressStore, rows by executemany."""
    rng = random.Random(attempts)
    ids = [k.id for k in cat.katas]
    with ProgressStore(home):
        pass  # creates and migrates the schema
    conn = sqlite3.connect(home / "progress.sqlite3")
    runs = max(1, attempts // per_run)
    start = datetime.combine(TODAY - timedelta(days=364), datetime.min.time(), timezone.utc)
    run_rows, attempt_rows = [], []
    state: dict[str, list] = {}
    for run in range(runs):
        moment = start + timedelta(seconds=int(run * 364 * 86400 / runs))
        iso = moment.isoformat(timespec="milliseconds")
        run_rows.append((run + 1, iso, iso, 0, "pytest"))
        base = min(len(ids) - per_run, int(run / runs * len(ids)))
        for kata in ids[base:base + per_run]:
            if len(attempt_rows) >= attempts:
                break
            outcome = "passed" if rng.random() < 0.4 else "failed"
            failures = [] if outcome == "passed" else [
                {"check": f"check_{j}", "message": "assert x == y\n" + "detail " * 40}
                for j in range(rng.randint(1, 3))]
            attempt_rows.append((run + 1, kata, iso, moment.date().isoformat(), outcome, 0.05,
                                 4, len(failures), json.dumps(failures)))
            s = state.setdefault(kata, [0, None, None, None])
            s[0] += 1
            s[1], s[2] = outcome, iso
            if outcome == "passed" and s[3] is None:
                s[3] = iso
    with conn:
        conn.executemany("INSERT INTO runs (id, started_at, finished_at, utc_offset_minutes, "
                         "command) VALUES (?, ?, ?, ?, ?)", run_rows)
        conn.executemany(
            "INSERT INTO attempts (run_id, kata, at, local_date, outcome, duration, "
            "checks_total, checks_failed, failures) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            attempt_rows)
        conn.executemany(
            "INSERT INTO kata_state (kata, attempts, last_outcome, last_attempt_at, "
            "first_mastered_at) VALUES (?, ?, ?, ?, ?)",
            [(k, *v) for k, v in state.items()])
    conn.close()


def best_of(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [1_000, 10_000, 100_000]
    cat = catalogue()
    t0 = time.perf_counter()
    import jinja2  # noqa: F401 - the import is part of a cold report

    from pytest_numkata.report import environment

    environment().get_template("report.html.j2")
    print(f"jinja2 import + template compile (once a process): {time.perf_counter() - t0:.3f} s")
    print(f"{'attempts':>9} {'read+aggregate':>15} {'context':>9} {'render':>8} "
          f"{'write_report':>13} {'html size':>10}")
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            home = Path(tmp)
            seed(home, cat, size)
            first = time.perf_counter()
            write_report(home, cat, today=TODAY)
            cold = time.perf_counter() - first
            t_read = best_of(lambda: read_store(home))
            data = read_store(home)
            t_ctx = best_of(lambda: build_context(cat, data, TODAY))
            ctx = build_context(cat, data, TODAY)
            t_render = best_of(lambda: render_html(ctx))
            t_all = best_of(lambda: write_report(home, cat, today=TODAY))
            size_kb = (home / "report.html").stat().st_size / 1024
            print(f"{size:>9} {t_read:>13.3f} s {t_ctx:>7.3f} s {t_render:>6.3f} s "
                  f"{t_all:>11.3f} s {size_kb:>7.0f} KB   (first call {cold:.3f} s)")


if __name__ == "__main__":
    main(sys.argv[1:])
