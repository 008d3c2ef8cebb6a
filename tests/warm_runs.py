"""``python -m`` commands of the project's tests, forked from a warm server instead of started
cold (``pytest_numkata/warm_start/fork_server.py``; tests/test_warm_start.py shows a run is the
command started cold in all a test can see). One server per test process, started at first
use: it costs about 3 s once and saves about 0.6 s of CPU on every pytest run after.

The server starts a learners' zygote too, and each run forks its learners from it, as the
runs of ``numkata watch`` do. (With a zygote of its own in each run, as a cold run starts, the
three files that use this took 41.6 and 49.3 s of CPU, against 39.3 and 45.9 s, alternating.)
Tests that find processes by their environment (``/proc/PID/environ`` shows what a process
was started with, which for a forked run is the server's) or that need a fresh interpreter
start cold processes instead.
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from pytest_numkata.warm_start.fork_server import ForkServer

_server: ForkServer | None = None
_failed = False


def _started() -> ForkServer | None:
    global _server, _failed
    if _server is None and not _failed:
        root = Path(tempfile.mkdtemp(prefix="numkata-test-warm-"))
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
        server = ForkServer(root, env=env, zygote=True)
        if server.start():
            _server = server

            def close() -> None:
                server.close()
                shutil.rmtree(root, ignore_errors=True)

            atexit.register(close)
        else:
            _failed = True
            shutil.rmtree(root, ignore_errors=True)
    return _server


def run(cmd: list[str], *, cwd, env: dict[str, str] | None = None,
        timeout: float | None = None, **kwargs) -> subprocess.CompletedProcess:
    """``subprocess.run(cmd, cwd=..., env=..., timeout=..., capture_output=True, text=True)``;
    ``python -m MODULE ...`` commands run warm where the system can fork."""
    server = None
    if len(cmd) > 2 and cmd[0] == sys.executable and cmd[1] == "-m" and not kwargs:
        server = _started()
    if server is None:
        return subprocess.run(cmd, cwd=cwd, env=env, timeout=timeout, capture_output=True,
                              text=True, **kwargs)
    return server.run(cmd[1:], cwd=cwd, env=env, timeout=timeout)
