"""The warm server a batch's grading runs are forked from, when ``numkata grade`` grades on
this machine (the embedded cluster's thread workers, or ``--in-process``).

Each learner is graded by a ``python -m pytest`` run of its own (``grade_one``). Started cold,
such a run spends about 1.2 s of CPU importing pytest, NumPy, SciPy, hypothesis and the hidden
checks and starting a learners' zygote before it grades anything. For a batch of
``WARM_FROM_LEARNERS`` learners or more, the command starts one ``warm_start.fork_server`` that
loads all of that once (the heavy libraries and the checks of the katas being graded) while
the cluster starts, and each learner's run is forked from it: the same command line, working
directory and environment, a session and process group of its own, the same judge, learner
processes and limits, the same wall-clock limit from the moment it starts. Only the start-up
is skipped.

The server listens on an abstract Unix socket and serves only its own user: a learner process,
confined by Landlock ABI 6 or later, cannot reach it, so kata code can never ask it for a run.
Where that cannot be had (no ``fork`` or descriptor passing, Landlock older than ABI 6), with
``--cold``, on a Dask cluster (``--scheduler``: a run goes where its task's worker
is), for a smaller batch, or if the server does not start, every run starts cold, as before.

A run forked from the server is killed with its watcher, and its watcher kills it when this
process goes away; the server ends with the batch (``batch``), or within a second of this
process's end.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

# The server's start (about 2 s of CPU for two chapters) against about 1.2 s each run saves.
WARM_FROM_LEARNERS = 3


def why_cold(learners: int, *, scheduler: str | None, cold: bool = False) -> str | None:
    """Why a batch of ``learners`` runs starts each cold, or None when it may start warm."""
    if cold:
        return "asked for (--cold)"
    if scheduler:
        return "graded on a Dask cluster's workers"
    if learners < WARM_FROM_LEARNERS:
        return f"fewer than {WARM_FROM_LEARNERS} learners to grade"
    from ..warm_start.resident import system_unavailable

    return system_unavailable()


class _Server:
    """A fork server started in the background; ``get`` waits for it."""

    def __init__(self, env: dict[str, str], modules: list[str]):
        from ..warm_start.fork_server import ForkServer

        self.root = Path(tempfile.mkdtemp(prefix="numkata-grade-warm-"))
        address = f"\0numkata-grade-{os.getpid()}-{os.urandom(8).hex()}"
        self.server = ForkServer(self.root, modules=modules, env=env, address=address)
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


def spawn(cmd: list[str], *, cwd: str, env: dict[str, str], output: int):
    """``cmd`` (``[python, "-m", ...]``) forked from this batch's server, its output and errors
    on the descriptor ``output``: a ``WarmRun`` (``pid``, ``wait``, ``poll``, ``close``), or
    None when there is no server to fork it from (start it cold then)."""
    current = _current
    server = current.get() if current is not None else None
    if server is None:
        return None
    try:
        return server.spawn(cmd[1:], cwd=cwd, env=env, stdout=output, stderr=output)
    except (OSError, RuntimeError):  # the server is gone: this run starts cold
        return None
