"""The warm servers learners' grading runs are forked from, instead of each starting cold.

Each learner is graded by a ``python -m pytest`` run of its own (``grade_one``). Started cold,
such a run spends about 1.2 s of CPU importing pytest, NumPy, SciPy, hypothesis and the hidden
checks and starting a learners' zygote before it grades anything. A ``warm_start.fork_server``
loads all of that once (the heavy libraries and the checks of the katas being graded) and each
learner's run is forked from it: the same command line, working directory and environment, a
session and process group of its own, the same judge, learner processes and limits, the same
wall-clock limit from the moment it starts. Only the start-up is skipped.

- On this machine (the embedded cluster's thread workers, or ``--in-process``), a batch of
  ``WARM_FROM_LEARNERS`` learners or more gets one server, started by the command while the
  cluster starts and closed with the batch (``batch``).
- On a Dask cluster (``--scheduler``), a batch with ``WARM_FROM_LEARNERS`` learners or more per
  worker marks its tasks, and each worker process starts a server of its own at its first such
  task (``spawn``), keeps it for the batches that follow, and lets it end after
  ``WORKER_IDLE`` seconds without a run, or with the worker.

A server listens on an abstract Unix socket and serves only its own user: a learner process,
confined by Landlock ABI 6 or later, cannot reach it, so kata code can never ask it for a run.
Where that cannot be had (no ``fork`` or descriptor passing, Landlock older than ABI 6: checked
where the runs are), with ``--cold``, for a smaller batch, or if a server does not start, the
runs start cold, as before. A run forked from a server is killed with its watcher, and its
watcher kills it when the process that asked for it goes away.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

# The server's start (about 2 s of CPU for two chapters) against about 1.2 s each run saves.
WARM_FROM_LEARNERS = 3


WORKER_IDLE = 300.0  # seconds a Dask worker's server waits for another run before it ends


def why_cold(learners: int, *, workers: int | None = None, cold: bool = False) -> str | None:
    """Why a batch of ``learners`` runs starts each cold, or None when it may start warm:
    here (``workers`` None; this system is checked), or on a Dask cluster of ``workers``
    (each worker checks its own system)."""
    if cold:
        return "asked for (--cold)"
    if workers is not None:
        if learners < WARM_FROM_LEARNERS * max(1, workers):
            return f"fewer than {WARM_FROM_LEARNERS} learners to grade per worker"
        return None
    if learners < WARM_FROM_LEARNERS:
        return f"fewer than {WARM_FROM_LEARNERS} learners to grade"
    from ..warm_start.resident import system_unavailable

    return system_unavailable()


class _Server:
    """A fork server started in the background; ``get`` waits for it."""

    def __init__(self, env: dict[str, str], modules: list[str], idle: float | None = None):
        from ..warm_start.fork_server import ForkServer

        self.root = Path(tempfile.mkdtemp(prefix="numkata-grade-warm-"))
        address = f"\0numkata-grade-{os.getpid()}-{os.urandom(8).hex()}"
        self.server = ForkServer(self.root, modules=modules, env=env, address=address,
                                 idle=idle)
        self.started = False
        self.thread = threading.Thread(target=self._start, name="numkata-grade-warm",
                                       daemon=True)
        self.thread.start()

    def _start(self) -> None:
        try:
            self.started = self.server.start()
        except Exception:  # noqa: BLE001 - the batch is graded cold then
            self.started = False

    def get(self):
        self.thread.join()
        return self.server if self.started else None

    def alive(self) -> bool:
        process = self.server.process
        return self.thread.is_alive() or (process is not None and process.poll() is None)

    def close(self) -> None:
        self.server.close()  # a start still under way then finds its server gone
        self.thread.join()
        self.server.close()
        shutil.rmtree(self.root, ignore_errors=True)


_current: _Server | None = None


@contextlib.contextmanager
def batch(*, env: dict[str, str], modules: list[str]) -> Iterator[None]:
    """Within this block, ``spawn`` forks grading runs from one server, started now with
    ``env`` (a grading run's environment) and loading ``modules``."""
    global _current
    server = _Server(env, modules)
    _current = server
    try:
        yield
    finally:
        _current = None
        server.close()


_worker: tuple[tuple, _Server] | None = None
_worker_lock = threading.Lock()


def _worker_server(env: dict[str, str], modules: list[str]):
    """This process's own server (a Dask worker's), started at first use and again when the
    modules or path change or it has ended; None where this system cannot have one."""
    global _worker
    from ..warm_start.resident import system_unavailable

    if system_unavailable() is not None:
        return None
    key = (tuple(modules), env.get("PYTHONPATH", ""))
    with _worker_lock:
        if _worker is None or _worker[0] != key or not _worker[1].alive():
            if _worker is None:
                atexit.register(_close_worker)
            else:
                _worker[1].close()
            _worker = (key, _Server(env, modules, idle=WORKER_IDLE))
        server = _worker[1]
    return server.get()


def _close_worker() -> None:
    if _worker is not None:
        _worker[1].close()


def spawn(cmd: list[str], *, cwd: str, env: dict[str, str], output: int,
          server_env: dict[str, str] | None = None, modules: list[str] | None = None):
    """``cmd`` (``[python, "-m", ...]``) forked from this batch's server, or else, given
    ``server_env`` and ``modules``, from this process's own (a Dask worker's), its output and
    errors on the descriptor ``output``: a ``WarmRun`` (``pid``, ``wait``, ``poll``, ``close``),
    or None when there is no server to fork it from (start it cold then)."""
    current = _current
    if current is not None:
        server = current.get()
    elif server_env is not None and modules is not None:
        server = _worker_server(server_env, modules)
    else:
        server = None
    if server is None:
        return None
    try:
        return server.spawn(cmd[1:], cwd=cwd, env=env, stdout=output, stderr=output)
    except (OSError, RuntimeError):  # the server is gone: this run starts cold
        return None
