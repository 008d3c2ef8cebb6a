"""``numkata grade`` on a real Dask cluster: a ``dask scheduler`` and two ``dask worker``
processes started here on 127.0.0.1 (free ports) and stopped here; a worker killed mid-batch;
an interrupted batch resumed."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pytest_numkata.classroom.gradebook import Gradebook

from .classroom_helpers import (KATAS, build_class, free_port, grading_runs_in, numkata,
                                processes_mentioning, wait_for)

pytestmark = pytest.mark.slow

SMALL = ("ada", "bo", "fay", "hal", "ivy", "jo", "mo")


def small_class(folder: Path, names=SMALL):
    import shutil

    verdicts, status, _facts = build_class(folder)
    for entry in list(folder.iterdir()):
        learner = entry.name.split(".")[0]
        if learner not in names:
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    return ({k: v for k, v in verdicts.items() if k in names},
            {k: v for k, v in status.items() if k in names})


def check_gradebook(out: Path, verdicts: dict, status: dict) -> dict:
    with Gradebook(out) as book:
        learners = {le["learner"]: le for le in book.learners()}
        grades: dict[str, dict[str, str]] = {}
        for g in book.grades():
            grades.setdefault(g["learner"], {})[g["kata"]] = g["verdict"]
    assert set(learners) == set(verdicts)
    for name, expected in verdicts.items():
        assert grades[name] == expected, name
        assert learners[name]["status"] == status[name], learners[name]["note"]
        assert learners[name]["attempts"] == 1, name  # recorded once, never twice
    return learners


def partial_rows(out: Path) -> int:
    """Learners in the gradebook so far (0 before it exists); asserts none is half-written."""
    path = out / "gradebook.sqlite3"
    if not path.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            rows = conn.execute("SELECT l.learner, l.katas_total, count(g.kata) FROM learners l "
                                "LEFT JOIN grades g USING (learner) GROUP BY l.learner").fetchall()
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0
    for learner, total, count in rows:
        assert total == count == len(KATAS), (learner, total, count)
    return len(rows)


class Cluster:
    """A dask scheduler and workers as separate processes; stop() ends every one of them.

    How many workers the scheduler has is read from the scheduler's own log (it logs each
    worker it registers and each it removes), so waiting for workers costs no process."""

    def __init__(self, tmp: Path, workers: int = 2):
        self.port = free_port()
        self.address = f"tcp://127.0.0.1:{self.port}"
        self.tmp = tmp / "worker-tmp"
        self.tmp.mkdir()
        self.env = {**os.environ, "TMPDIR": str(self.tmp)}
        self.dask = str(Path(sys.executable).with_name("dask"))
        self.logs = tmp / "cluster-logs"
        self.logs.mkdir()
        self.scheduler = self._start([self.dask, "scheduler", "--host", "127.0.0.1", "--port",
                                      str(self.port), "--no-dashboard"], "scheduler")
        self.procs: list[subprocess.Popen] = [self.scheduler]
        self.workers: list[subprocess.Popen] = []
        self.add_workers(workers)

    def _start(self, cmd, name):
        log = open(self.logs / f"{name}.log", "wb")
        return subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=self.env,
                                stdin=subprocess.DEVNULL, start_new_session=True)

    def add_workers(self, count: int) -> None:
        """Start ``count`` more workers and wait until the scheduler has registered them."""
        want = self.worker_count() + count
        for _ in range(count):
            worker = self._start([self.dask, "worker", self.address, "--nthreads", "1",
                                  "--nworkers", "1", "--no-nanny", "--no-dashboard",
                                  "--host", "127.0.0.1", "--memory-limit", "0"],
                                 f"worker{len(self.procs) - 1}")
            self.workers.append(worker)
            self.procs.append(worker)
        wait_for(lambda: self.worker_count() >= want, 90, "the Dask workers", interval=0.05)

    def live_workers(self) -> list[subprocess.Popen]:
        return [w for w in self.workers if w.poll() is None]

    def worker_count(self) -> int:
        """Workers the scheduler has registered and not removed, from its log."""
        try:
            text = (self.logs / "scheduler.log").read_text(errors="replace")
        except OSError:
            return 0
        registered = set(re.findall(r"Register worker addr: (\S+)", text))
        removed = set(re.findall(r"Remove worker addr: (\S+)", text))
        return len(registered - removed)

    def stop(self) -> None:
        # workers first: a worker told by a closing scheduler to close while it is also being
        # terminated can hang in its shutdown
        for group in (self.workers, [self.scheduler]):
            for proc in group:
                if proc.poll() is None:
                    try:
                        os.killpg(proc.pid, signal.SIGTERM)
                    except ProcessLookupError:
                        pass
            for proc in group:
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait()
        kill_mentioning(str(self.tmp))


def kill_mentioning(text: str) -> None:
    for pid in processes_mentioning(text):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    wait_for(lambda: not processes_mentioning(text), 30, f"processes of {text} to end")


@pytest.fixture(scope="module")
def shared_cluster(tmp_path_factory):
    c = Cluster(tmp_path_factory.mktemp("cluster"))
    try:
        yield c
    finally:
        c.stop()
    assert all(p.poll() is not None for p in c.procs)


@pytest.fixture
def cluster(shared_cluster):
    """The module's scheduler with two live workers: a test may kill workers; the next test
    gets new ones in their place."""
    missing = 2 - len(shared_cluster.live_workers())
    if missing > 0:
        shared_cluster.add_workers(missing)
    assert shared_cluster.worker_count() == 2
    return shared_cluster


def test_grading_on_a_scheduler_and_two_workers(tmp_path, cluster):
    subs, out = tmp_path / "subs", tmp_path / "out"
    verdicts, status = small_class(subs)
    result = numkata("grade", str(subs), "--out", str(out), "--chapters", "ch00-ch01",
                     "--scheduler", cluster.address)
    assert result.returncode == 0, result.stdout + result.stderr
    learners = check_gradebook(out, verdicts, status)
    assert (out / "class-report.html").exists() and (out / "grades.csv").exists()
    hosts = {le["host"] for le in learners.values() if le["status"] == "graded"}
    assert hosts  # recorded where it was graded
    # 6 learners on 2 workers: each worker forked its runs from a warm server of its own,
    # which stays for the next batch (warm_grading.WORKER_IDLE)
    workers = {w.pid for w in cluster.live_workers()}
    servers = [pid for pid in processes_mentioning("numkata-grade-") if _ppid(pid) in workers]
    assert servers, "no worker started a warm server"


def test_a_worker_killed_mid_batch_loses_nothing(tmp_path, cluster):
    subs, out = tmp_path / "subs", tmp_path / "out"
    verdicts, status = small_class(subs)
    proc = subprocess.Popen([sys.executable, "-m", "pytest_numkata", "grade", str(subs),
                             "--out", str(out), "--chapters", "ch00-ch01", "--scheduler",
                             cluster.address], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        victim = cluster.live_workers()[0]
        # the first learner with files is in; then wait until the victim is mid-task (its
        # grading run is alive) and kill it
        wait_for(lambda: partial_rows(out) >= 2, 300, "the first graded learners")

        def victim_busy():  # a grading run the victim started, cold or from its warm server
            return [pid for pid in grading_runs_in(cluster.tmp)
                    if _descends_from(pid, victim.pid)]
        wait_for(victim_busy, 120, "the victim worker to be grading", interval=0.05)
        done_before = partial_rows(out)
        os.killpg(victim.pid, signal.SIGKILL)
        victim.wait()
        stdout, stderr = proc.communicate(timeout=600)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 0, stdout + stderr
    assert done_before < len(verdicts)
    check_gradebook(out, verdicts, status)
    assert cluster.worker_count() == 1


def _ppid(pid: int) -> int | None:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1].split()[1])
    except (OSError, ValueError, IndexError):
        return None


def _descends_from(pid: int | None, ancestor: int) -> bool:
    while pid and pid > 1:
        pid = _ppid(pid)
        if pid == ancestor:
            return True
    return False


def test_an_interrupted_batch_resumes_without_grading_twice(tmp_path):
    subs, out = tmp_path / "subs", tmp_path / "out"
    verdicts, status = small_class(subs)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch)}
    proc = subprocess.Popen([sys.executable, "-m", "pytest_numkata", "grade", str(subs),
                             "--out", str(out), "--chapters", "ch00-ch01", "--jobs", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        wait_for(lambda: partial_rows(out) >= 3, 300, "three graded learners")
        wait_for(lambda: grading_runs_in(scratch), 120, "a learner's grading run under way",
                 interval=0.02)
        os.kill(proc.pid, signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    # the learners' runs still going when it stopped end with it, none is left behind, nor
    # the warm server they were forked from
    wait_for(lambda: not grading_runs_in(scratch) and not processes_mentioning(str(scratch)),
             15, "the interrupted batch's grading runs to end")
    done = partial_rows(out)
    assert proc.returncode == 130, stdout + stderr
    assert "run the same command again" in stderr and "Traceback" not in stderr
    assert 3 <= done < len(verdicts)
    result = numkata("grade", str(subs), "--out", str(out), "--chapters", "ch00-ch01",
                     "--jobs", "2", env=env)
    assert result.returncode == 0, result.stderr
    assert f"{len(verdicts) - done} to grade" in result.stdout
    check_gradebook(out, verdicts, status)
    kill_mentioning(str(scratch))
