"""``numkata grade SUBMISSIONS --out OUTDIR``: the command line of class grading.

``add_arguments(parser)`` fills an argparse (sub)parser; ``run(args)`` does the work and
returns the exit status: 0 when the batch finished (bad submissions included: their rows say
what happened), 2 for bad command-line input, 1 when the cluster or the gradebook cannot be
used, 130 when interrupted (everything written so far is kept; run it again to finish).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

DEFAULT_TIMEOUT = 600.0
DEFAULT_CONNECT_TIMEOUT = 10.0


class UsageError(Exception):
    pass


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("submissions", metavar="SUBMISSIONS",
                        help="a folder with one entry per learner: a folder with katas/, a kata "
                             "tree (chNN/<kata>.py), or a .zip / .tar.gz of either")
    parser.add_argument("--out", metavar="OUTDIR", required=True,
                        help="where the gradebook, exports and reports go (created if needed; "
                             "re-running regrades only changed submissions)")
    parser.add_argument("--chapters", metavar="CHAPTERS", default=None,
                        help="grade these chapters only, e.g. ch00-ch05 or ch00,ch03 "
                             "(default: the whole catalogue)")
    parser.add_argument("--seed", metavar="VALUE", default=None,
                        help="grade with hidden examples drawn from this seed (recorded in "
                             "the gradebook)")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--jobs", type=int, metavar="N", default=None,
                       help="learners graded at once on the embedded Dask cluster "
                            "(default: the CPU count)")
    where.add_argument("--scheduler", metavar="tcp://HOST:PORT", default=None,
                       help="grade on an existing Dask cluster through its scheduler")
    where.add_argument("--in-process", action="store_true",
                       help="grade one learner after another in this process, without Dask")
    parser.add_argument("--cold", action="store_true",
                        help="start each learner's grading run as a new process (by default, "
                             "a batch with 3 or more learners per worker forks them from a "
                             "warm process that has loaded pytest and the checks)")
    parser.add_argument("--connect-timeout", type=float, metavar="SECONDS",
                        default=DEFAULT_CONNECT_TIMEOUT,
                        help=f"with --scheduler: how long to wait for the scheduler to answer "
                             f"before giving up (default {DEFAULT_CONNECT_TIMEOUT:.0f})")
    parser.add_argument("--timeout-per-submission", type=float, metavar="S",
                        default=DEFAULT_TIMEOUT,
                        help=f"wall-clock limit for grading one learner (default "
                             f"{DEFAULT_TIMEOUT:.0f}); katas still ungraded then are "
                             f"'timed out'")


def parse_chapters(text: str | None, catalogue) -> list[str]:
    ids = [ch.id for ch in catalogue.chapters]
    if not text:
        return ids
    chosen: list[str] = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        ends = [e.strip() for e in part.split("-", 1)]
        for end in ends:
            if end not in ids:
                raise UsageError(f"unknown chapter {end!r} in --chapters (the chapters are "
                                 f"{ids[0]} to {ids[-1]})")
        first, last = ids.index(ends[0]), ids.index(ends[-1])
        if first > last:
            raise UsageError(f"--chapters {part}: the range runs backwards")
        chosen.extend(c for c in ids[first:last + 1] if c not in chosen)
    if not chosen:
        raise UsageError("--chapters names no chapter")
    return [c for c in ids if c in chosen]


def _check(args) -> tuple[Path, Path]:
    submissions = Path(args.submissions).expanduser()
    if not submissions.exists():
        raise UsageError(f"SUBMISSIONS {submissions} does not exist")
    if not submissions.is_dir():
        raise UsageError(f"SUBMISSIONS {submissions} is not a folder")
    out = Path(args.out).expanduser()
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out} exists and is not a folder")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if not args.timeout_per_submission > 0:
        raise UsageError("--timeout-per-submission must be positive")
    if not 0 < args.connect_timeout < float("inf"):
        raise UsageError("--connect-timeout must be a positive number of seconds")
    if args.scheduler and "://" not in args.scheduler:
        raise UsageError(f"--scheduler {args.scheduler}: give an address such as "
                         f"tcp://HOST:8786")
    try:
        out.resolve().relative_to(submissions.resolve())
        raise UsageError("--out must not be inside SUBMISSIONS (it would be read as a learner)")
    except ValueError:
        pass
    return submissions, out


class Progress:
    """Learners done, failures and ETA: a redrawn bar on a terminal, plain lines otherwise."""

    def __init__(self, total: int, stream=None):
        self.total, self.done, self.bad = total, 0, 0
        self.stream = stream or sys.stdout
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)()) and \
            os.environ.get("TERM") != "dumb"
        self.started = time.monotonic()

    def _eta(self) -> str:
        if not self.done:
            return "-"
        left = (time.monotonic() - self.started) / self.done * (self.total - self.done)
        return f"{int(left // 60)}:{int(left % 60):02d}"

    def update(self, learner: str, summary: str, bad: bool) -> None:
        self.done += 1
        self.bad += bool(bad)
        if self.tty:
            width = 30
            filled = int(width * self.done / max(1, self.total))
            bar = "#" * filled + "-" * (width - filled)
            line = (f"\r[{bar}] {self.done}/{self.total} learners, {self.bad} with problems, "
                    f"ETA {self._eta()}  {learner[:24]:<24}")
            self.stream.write(line)
            if self.done == self.total:
                self.stream.write("\n")
        else:
            self.stream.write(f"[{self.done}/{self.total}] {learner}: {summary}\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.tty and self.done != self.total:
            self.stream.write("\n")
            self.stream.flush()


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except UsageError as exc:
        print(f"numkata grade: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:  # an OUTDIR that cannot be written, a disk that is full
        where = f": {exc.filename}" if exc.filename else ""
        print(f"numkata grade: {exc.strerror or exc}{where}", file=sys.stderr)
        return EXIT_FAILED


def _run(args: argparse.Namespace) -> int:
    from .. import __version__
    from .. import packs
    from . import submissions as submissions_mod
    from .gradebook import Gradebook, GradebookError
    from .scheduling import SchedulerError

    submissions_dir, out = _check(args)
    catalogue = packs.catalogue_for()
    chapters = parse_chapters(args.chapters, catalogue)
    katas = [k.id for k in catalogue.katas if k.chapter in chapters]
    positions = {k.id: i for i, k in enumerate(catalogue.katas)}
    config = json.dumps({"chapters": chapters, "seed": args.seed, "numkata": __version__,
                         "timeout": args.timeout_per_submission}, sort_keys=True)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"--out {out}: {exc.strerror or exc}") from None
    found = submissions_mod.find(submissions_dir, catalogue)
    try:
        book = Gradebook(out)
    except GradebookError as exc:
        print(f"numkata grade: {exc}", file=sys.stderr)
        return EXIT_FAILED
    interrupted = False
    with book:
        book.replace_skipped(found.skipped)
        stored = book.stored()
        by_name = {s.learner: s for s in found.submissions}
        todo = [s for s in found.submissions
                if (s.learner not in stored or stored[s.learner].submission_sha256 != s.sha256
                    or stored[s.learner].config != config)]
        for name, why in found.skipped:
            print(f"skipped {name}: {why}")
        kept = len(found.submissions) - len(todo)
        print(f"{len(found.submissions)} learners in {submissions_dir}: {len(todo)} to grade"
              + (f", {kept} unchanged since they were graded" if kept else "")
              + f" ({len(katas)} katas in {len(chapters)} chapters)")
        # Cores are shared out: a learner graded alone may use the judge's parallel graders;
        # next to others on a LocalCluster, it gets its share; on a cluster, one per task.
        if args.in_process:
            judge_jobs = None
        elif args.scheduler:
            judge_jobs = 1
        else:
            judge_jobs = max(1, (os.cpu_count() or 1) // (args.jobs or os.cpu_count() or 1))
        tasks = [{"learner": s.learner, "files": s.files, "katas": katas, "seed": args.seed,
                  "judge_jobs": judge_jobs, "pack_paths": packs.search_paths(),
                  "timeout": args.timeout_per_submission, "problem": s.problem,
                  "submission_sha256": s.sha256} for s in todo]
        progress = Progress(len(tasks))

        def record(task: dict, result: dict | None, error: str | None) -> None:
            sub = by_name[task["learner"]]
            sha = sub.sha256
            if result is None:
                result = _error_result(task, error or "unknown error")
            if result["status"] == "grader error":
                sha = "retry:" + sha  # a grader failure is tried again on the next run
            book.record(result, source=sub.source, kind=sub.kind, submission_sha256=sha,
                        config=config, ignored=sub.ignored_lines(), positions=positions)
            progress.update(task["learner"], _summary(result), result["status"] != "graded")

        try:
            # A submission with nothing to grade needs no worker.
            from .grade_one import grade_one

            for task in [t for t in tasks if not t["files"]]:
                record(task, grade_one(task), None)
            remote = [t for t in tasks if t["files"]]
            with _warm_runs(remote, args, catalogue):
                if remote and args.in_process:
                    from .scheduling import run_in_process

                    for item in run_in_process(remote):
                        record(*item)
                elif remote:
                    from .scheduling import dask_client, run_on_dask, workers_of

                    with dask_client(jobs=args.jobs, scheduler=args.scheduler,
                                     connect_timeout=args.connect_timeout) as client:
                        if args.scheduler:
                            _warm_on_workers(remote, args, catalogue, workers_of(client))
                        for item in run_on_dask(client, remote):
                            record(*item)
        except SchedulerError as exc:
            progress.finish()
            print(f"numkata grade: {exc}", file=sys.stderr)
            return EXIT_FAILED
        except KeyboardInterrupt:
            interrupted = True
        progress.finish()
        names = [s.learner for s in found.submissions]
        from .exports import write_outputs

        written = write_outputs(out, book, catalogue, names, chapters, found.skipped,
                                multi_answer=_multi_answer(found.submissions, catalogue))
    if interrupted:
        print(f"interrupted: {progress.done} of {len(tasks)} learners graded and kept; run "
              f"the same command again to grade the rest", file=sys.stderr)
        return EXIT_INTERRUPTED
    print(f"gradebook: {out / 'gradebook.sqlite3'}")
    print(f"class report: {written['class_report'].resolve().as_uri()}")
    return EXIT_OK


def _multi_answer(submissions, catalogue) -> dict[str, bool]:
    """Per kata, whether its answer is more than one number (identical files then mean
    something), judged from the files handed in."""
    from .class_report import answer_is_single_number

    out: dict[str, bool] = {}
    for sub in submissions:
        for kata_id, data in sub.files.items():
            if out.get(kata_id) is not None:
                continue
            text = data.decode("utf-8", "replace")
            out[kata_id] = not answer_is_single_number(catalogue.by_id[kata_id], text)
    return out


def _warm_modules(tasks: list[dict], catalogue) -> list[str]:
    """What a warm server for these tasks loads: the heavy libraries, the checks they use."""
    from ..warm_start.preload import HEAVY

    graded = {kata_id for task in tasks for kata_id in task["files"]}
    return [*HEAVY, *sorted({k.checks_module for k in catalogue.katas if k.id in graded})]


def _warm_runs(tasks: list[dict], args, catalogue):
    """Where this batch's runs, graded here, may be forked from a warm server
    (warm_grading.py): start one for them and mark them to use it."""
    import contextlib

    from . import warm_grading

    if args.scheduler or warm_grading.why_cold(len(tasks), cold=args.cold) is not None:
        return contextlib.nullcontext()
    from .grade_one import environment

    for task in tasks:
        task["warm"] = True
    return warm_grading.batch(env=environment(tempfile.gettempdir(), tasks[0]["pack_paths"]),
                              modules=_warm_modules(tasks, catalogue))


def _warm_on_workers(tasks: list[dict], args, catalogue, workers: int) -> None:
    """On a Dask cluster: mark the tasks to be forked from their workers' own warm servers
    when there are enough of them per worker (warm_grading.py)."""
    from . import warm_grading

    if warm_grading.why_cold(len(tasks), workers=workers, cold=args.cold) is not None:
        return
    modules = _warm_modules(tasks, catalogue)
    for task in tasks:
        task["warm"] = True
        task["warm_modules"] = modules


def _error_result(task: dict, error: str) -> dict:
    from .. import __version__
    from .grade_one import DERIVED_SANDBOX, FAILING, GRADER_ERROR, MISSING, _now

    rows = {}
    for kata_id in task["katas"]:
        submitted = kata_id in task["files"]
        rows[kata_id] = {
            "verdict": FAILING if submitted else MISSING, "checks_passed": 0,
            "checks_total": 0, "mistakes": [], "sha256": None,
            "failures": [{"check": "the grader", "message": error}] if submitted else []}
    return {"learner": task["learner"], "status": GRADER_ERROR, "note": error, "katas": rows,
            "numkata_version": __version__, "seed": task.get("seed"),
            "sandbox": DERIVED_SANDBOX, "host": "", "graded_at": _now(), "duration": 0.0}


def _summary(result: dict) -> str:
    rows = result["katas"].values()
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["verdict"]] = counts.get(r["verdict"], 0) + 1
    text = f"{counts.get('mastered', 0)}/{len(result['katas'])} mastered"
    for verdict in ("failing", "unreadable", "timed out"):
        if counts.get(verdict):
            text += f", {counts[verdict]} {verdict}"
    if result["status"] != "graded":
        text += f" - {result['status']}: {result['note']}"
    return text + f" ({result['duration']:.1f} s)"
