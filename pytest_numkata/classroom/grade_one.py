"""The task that grades one learner: runs on a Dask worker (or in the client with
``--in-process``) and returns plain data; it writes nothing outside its temporary workspace.

The learner's taken kata files go into a private workspace (a minimal ``pyproject.toml`` and
``katas/chNN/<kata>.py``); the teacher's installed numkata grades it in a subprocess of its own
process group (started cold, or forked from the batch's warm server when the task says
``warm``: ``warm_grading.py``):

    python -m pytest katas --numkata-unlock-all --numkata-home=HOME -p no:cacheprovider -q

with a wall-clock limit for the whole submission; on expiry the group is killed and the
learner's katas without a verdict are "timed out". The group is killed after a normal exit too,
so nothing a kata spawned outlives the grading. Verdicts come from the run's ``results.json``;
checks passed/total from the run's progress store (results.json lists only the failing checks).
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone

from ..packs.catalogue import relpath_of

# Verdicts of one (learner, kata) in the gradebook.
MASTERED = "mastered"
FAILING = "failing"
NOT_ATTEMPTED = "not attempted"
MISSING = "missing"
UNREADABLE = "unreadable"
TIMED_OUT = "timed out"
VERDICTS = (MASTERED, FAILING, NOT_ATTEMPTED, MISSING, UNREADABLE, TIMED_OUT)

# What the learner row says about the run as a whole.
GRADED = "graded"
RUN_TIMED_OUT = "timed out"
BAD_SUBMISSION = "bad submission"
GRADER_ERROR = "grader error"

PYPROJECT = """\
[tool.pytest.ini_options]
numkata_katas = "katas"
addopts = "-p no:anyio"
"""

RUN_LOG_ENV = "NUMKATA_GRADE_LOG"  # run_log.ENV, without importing it here
MISTAKE = re.compile(r"likely mistake:\s*(.+)")
OUTPUT_TAIL = 2000
# What isolates a learner's code here; the judge's results.json may name its own ("sandbox").
DERIVED_SANDBOX = "learner process per kata; process group per submission"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def mistakes_in(message: str) -> list[str]:
    """The named mistakes ("likely mistake: ...") in a failure message."""
    return [m.group(1).strip() for m in MISTAKE.finditer(message or "")]


def readable(data: bytes) -> str | None:
    """Why the file cannot be graded at all (not UTF-8, does not parse), or None."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return f"not UTF-8 text ({exc.reason} at byte {exc.start})"
    try:
        ast.parse(text)
    except SyntaxError as exc:
        return f"does not parse: {exc.msg} (line {exc.lineno})"
    except ValueError as exc:  # null bytes
        return f"does not parse: {exc}"
    return None


def _kill_group(proc: subprocess.Popen) -> None:
    """Kill the run's process group, then anything else left in its session (the judge puts
    each forked grader in a process group of its own; a kata may have spawned more)."""
    for _ in range(3):
        targets = _session_members(proc.pid)
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        for pid in targets:
            try:
                os.kill(pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        if not targets:
            return
        time.sleep(0.05)


# The grading runs of this process's tasks, while they run: a batch graded by threads of this
# process (the embedded cluster) stops them itself when it is interrupted (``stop_running``).
_RUNNING: set = set()  # subprocess.Popen, or warm_grading's WarmRun
_RUNNING_LOCK = threading.Lock()


def stop_running() -> None:
    """Kill the grading run of every task still running in this process, as a worker's death
    would (their tasks then end at once; nobody waits for their results)."""
    with _RUNNING_LOCK:
        running = list(_RUNNING)
    for proc in running:
        _kill_group(proc)


def _session_members(sid: int) -> list[int]:
    """Processes of session ``sid`` other than its (possibly exited) leader (Linux /proc)."""
    found = []
    try:
        names = os.listdir("/proc")
    except OSError:
        return found
    from ..sandbox.limits import process_stat

    for name in names:
        if not name.isdigit() or int(name) == sid:
            continue
        fields = process_stat(name)  # state ppid pgrp session ...
        if fields and len(fields) > 3 and fields[3] == str(sid).encode() and fields[0] != b"Z":
            found.append(int(name))
    return found


def environment(tmp: str, pack_paths=None) -> dict[str, str]:
    """A grading run's environment: the teacher's, without what would change the grading, with
    ``tmp`` as its temporary folder and ``pack_paths`` (the teacher's kata packs) on its path."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTEST_", "NUMKATA_", "HYPOTHESIS_", "COV_"))
           and k not in ("PYTHONPATH", "CI")}
    # Python's bytecode settings stay the teacher's: with the cache on, pytest's rewrite of
    # hypothesis for assertions is done by the first learner's run, not again in each one
    env["NO_COLOR"] = "1"
    env["TMPDIR"] = tmp
    # a submission is graded by this run, in its process group, never by a resident warm
    # server a teacher's own pytest run may have left (warm_start/resident.py)
    env["NUMKATA_WARM"] = "off"
    if pack_paths:
        env["PYTHONPATH"] = os.pathsep.join(pack_paths)
    return env


def _read_results(home: str) -> tuple[dict | None, dict[str, dict]]:
    """results.json and, per kata, the latest attempt in the run's progress store."""
    results = None
    try:
        with open(os.path.join(home, "results.json"), encoding="utf-8") as handle:
            results = json.load(handle)
    except (OSError, ValueError):
        pass
    attempts: dict[str, dict] = {}
    try:
        from ..progress.store import ProgressStore

        with ProgressStore(home, create=False) as store:
            for row in store.attempts():
                attempts[row["kata"]] = row
    except Exception:  # a store the run could not finish: verdicts fall back to results.json
        pass
    return results, attempts


def grade_one(task: dict) -> dict:
    """Grade one learner. ``task`` holds: learner, files {kata id: bytes}, katas (the kata ids
    to grade, in order), seed, timeout, judge_jobs (the judge's own parallel graders; None lets
    it choose), python (optional interpreter), pack_paths (the PYTHONPATH entries where the
    teacher's kata packs were found: the grading run sees the same packs), warm (fork the run
    from this process's batch server, or else from this process's own server loading
    warm_modules: warm_grading.py)."""
    from .. import __version__

    started = time.monotonic()
    learner = task["learner"]
    kata_ids: list[str] = list(task["katas"])
    files: dict[str, bytes] = task.get("files") or {}
    rows: dict[str, dict] = {}
    to_grade: list[str] = []
    for kata_id in kata_ids:
        data = files.get(kata_id)
        row = {"verdict": MISSING, "checks_passed": 0, "checks_total": 0, "failures": [],
               "mistakes": [], "sha256": None}
        if data is not None:
            row["sha256"] = hashlib.sha256(data).hexdigest()
            why = readable(data)
            if why is not None:
                row["verdict"] = UNREADABLE
                row["failures"] = [{"check": "reading the file", "message": why}]
            else:
                to_grade.append(kata_id)
        rows[kata_id] = row
    result = {"learner": learner, "status": GRADED, "note": "", "katas": rows,
              "numkata_version": __version__, "seed": task.get("seed"),
              "sandbox": DERIVED_SANDBOX, "host": socket.gethostname(), "graded_at": _now(),
              "duration": 0.0, "output": ""}
    if task.get("problem"):
        result["status"] = BAD_SUBMISSION
        result["note"] = task["problem"]
    if to_grade:
        _run(task, to_grade, rows, result)
    result["duration"] = round(time.monotonic() - started, 3)
    return result


def _run(task: dict, to_grade: list[str], rows: dict[str, dict], result: dict) -> None:
    files = task["files"]
    tmp = tempfile.mkdtemp(prefix="numkata-grade-")
    try:
        work = os.path.join(tmp, "work")
        home = os.path.join(tmp, "home")
        os.makedirs(os.path.join(work, "katas"))
        os.makedirs(home)
        os.makedirs(os.path.join(tmp, "tmp"))
        with open(os.path.join(work, "pyproject.toml"), "w", encoding="utf-8") as handle:
            handle.write(PYPROJECT)
        for kata_id in to_grade:
            path = os.path.join(work, "katas", *relpath_of(kata_id).split("/"))
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as handle:
                handle.write(files[kata_id])
        from ..progress.outcomes import Outcome, Status
        from ..workspace import Workspace

        ws = Workspace.at(work, "katas", home=home)
        cmd = [task.get("python") or sys.executable, "-m", "pytest", "katas",
               "--numkata-unlock-all", *ws.pytest_args(), "-p", "no:cacheprovider", "-q",
               "--color=no", "-p", "pytest_numkata.classroom.run_log"]
        if task.get("judge_jobs"):
            cmd += ["--numkata-jobs", str(task["judge_jobs"])]
        if task.get("seed") is not None:
            cmd += ["--numkata-seed", str(task["seed"])]
        log_path = os.path.join(tmp, "output.txt")
        timed_out = False
        with open(log_path, "wb") as log:
            env = environment(os.path.join(tmp, "tmp"), task.get("pack_paths"))
            env[RUN_LOG_ENV] = os.path.join(tmp, "checks.jsonl")
            proc = None
            if task.get("warm") and not task.get("python"):  # forked from a warm server
                from .warm_grading import spawn

                proc = spawn(cmd, cwd=work, env=env, output=log.fileno(),
                             server_env=environment(tempfile.gettempdir(),
                                                    task.get("pack_paths")),
                             modules=task.get("warm_modules"))
            if proc is None:
                from ..sandbox.limits import die_with_parent

                # killed with the grading worker (Linux: the thread that started it), so a
                # worker killed mid-batch leaves no grading run behind
                proc = subprocess.Popen(cmd, cwd=work, stdin=subprocess.DEVNULL, stdout=log,
                                        stderr=subprocess.STDOUT, env=env,
                                        start_new_session=True, preexec_fn=die_with_parent)
            with _RUNNING_LOCK:
                _RUNNING.add(proc)
            try:
                proc.wait(timeout=task.get("timeout") or 600)
            except subprocess.TimeoutExpired:
                timed_out = True
            finally:
                _kill_group(proc)  # whatever the run or a kata left behind
                proc.wait()
                if hasattr(proc, "close"):  # a warm run's connection to its server
                    proc.close()
                with _RUNNING_LOCK:
                    _RUNNING.discard(proc)
        with open(log_path, "rb") as log:
            log.seek(max(0, os.path.getsize(log_path) - OUTPUT_TAIL))
            output = log.read().decode("utf-8", "replace")
        result["output"] = output
        results, attempts = _read_results(home)
        if timed_out:  # no results.json: the katas that had finished keep their verdicts
            from .run_log import finished_katas

            attempts = finished_katas(env[RUN_LOG_ENV])
        statuses = {}
        failing = {}
        if results and not timed_out:
            for k in results.get("katas", []):
                statuses[k["id"]] = k.get("status")
                failing[k["id"]] = k.get("failing_checks") or []
            sandbox = (results.get("last_run") or {}).get("sandbox") or results.get("sandbox")
            if sandbox:
                result["sandbox"] = str(sandbox)
        for kata_id in to_grade:
            row = rows[kata_id]
            attempt = attempts.get(kata_id)
            status = statuses.get(kata_id)
            if timed_out and attempt is None:
                row["verdict"] = TIMED_OUT
                row["failures"] = [{"check": "the whole submission",
                                    "message": f"grading took longer than "
                                               f"{task.get('timeout')} s and was stopped"}]
                continue
            if attempt is not None:
                outcome = Outcome(attempt["outcome"])
                row["checks_total"] = int(attempt["checks_total"])
                row["checks_passed"] = max(0, row["checks_total"] - int(attempt["checks_failed"]))
                row["duration"] = float(attempt.get("duration") or 0.0)
                failures = attempt["failures"]
            else:  # results.json's status of the kata, when the store could not be read
                outcome = {Status.MASTERED: Outcome.PASSED, Status.FAILING: Outcome.FAILED,
                           Status.NOT_ATTEMPTED: Outcome.NOT_ATTEMPTED}.get(status or "")
                failures = failing.get(kata_id, [])
            if outcome is Outcome.PASSED:
                row["verdict"] = MASTERED
            elif outcome is Outcome.FAILED:
                row["verdict"] = FAILING
            elif outcome is Outcome.NOT_ATTEMPTED:
                row["verdict"] = NOT_ATTEMPTED
            else:
                row["verdict"] = FAILING
                failures = [{"check": "the grader", "message":
                             "no verdict came back for this kata; the grader's last output:\n"
                             + output[-800:]}]
                result["status"] = GRADER_ERROR
                lines = [line for line in output.splitlines() if line.strip()]
                last = next((line for line in reversed(lines) if "error" in line.lower()),
                            lines[-1] if lines else "")
                result["note"] = (f"pytest exited with status {proc.returncode} without a "
                                  f"verdict for every kata: {last.strip()[:300]}")
            row["failures"] = [{"check": str(f.get("check", "")),
                                "message": str(f.get("message", ""))} for f in failures]
            row["mistakes"] = sorted({m for f in row["failures"]
                                      for m in mistakes_in(f["message"])})
        if timed_out:
            result["status"] = RUN_TIMED_OUT
            result["note"] = (f"grading was stopped after {task.get('timeout')} s; katas "
                              f"without a verdict are 'timed out'")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
