"""Running pytest from the warm watch process: a forked child per run, and the prepared
standby run - the next run of the current kata, forked and configured in advance, waiting for
a save to release it.

Building pytest's configuration (plugins, options, the rootdir's ini file and conftest.py)
takes about 0.1 s even in a warm process, and none of it depends on the learner's file or on
recorded progress. So after each verdict a child does that work in advance and waits before
configuring its plugins - before numkata reads progress - until a save of that kata releases
it (``Runner.prepare`` / ``Runner.run``).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from dataclasses import dataclass
from pathlib import Path

from ...warm_start.preload import drop_root_from_sys_path


@dataclass
class Standby:
    pid: int
    fd: int  # write end of the pipe the child waits on
    argv: list[str]


def _gate(fd: int):
    """A pytest plugin holding a run once its configuration is built - before any plugin's
    ``pytest_configure`` (numkata's reads progress) - until the word to go arrives on ``fd``."""
    import pytest

    class Gate:
        @pytest.hookimpl(wrapper=True)
        def pytest_cmdline_main(self, config):
            word = b""
            with contextlib.suppress(OSError):
                word = os.read(fd, 1)
            os.close(fd)
            if word != b"g":  # the watcher dropped this run, or ended
                os._exit(0)
            signal.signal(signal.SIGINT, signal.default_int_handler)
            return (yield)

    return Gate()


class Runner:
    """``pytest.main(argv)`` in forked children of this (warm) process, in ``root``."""

    def __init__(self, root: Path):
        self.root = root
        self.fork = hasattr(os, "fork")
        self.standby: Standby | None = None

    def run(self, argv: list[str]) -> int:
        """Run pytest with ``argv`` (the standby run if it was prepared for it); its status."""
        sys.stdout.flush()
        sys.stderr.flush()
        if not self.fork:  # no fork (Windows): a cold pytest, slower but the same verdict
            import subprocess

            return subprocess.call([sys.executable, "-m", "pytest", *argv],
                                   cwd=self.root, stdin=subprocess.DEVNULL)
        pid = self._release(argv)
        if pid is None:
            pid = self._fork(argv)
        try:
            while True:
                try:
                    _, status = os.waitpid(pid, 0)
                    break
                except InterruptedError:
                    continue
                except KeyboardInterrupt:
                    # Ctrl-C reached the child too (same process group): let it finish its report
                    continue
        except BaseException:  # SIGTERM (SystemExit) while grading: take the child along
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGTERM)
                os.waitpid(pid, 0)
            raise
        return os.waitstatus_to_exitcode(status)

    def _fork(self, argv: list[str], gate: tuple[int, int] | None = None) -> int:
        """Fork a child that runs ``pytest.main(argv)``. With ``gate`` (a pipe's read and write
        ends) the child builds pytest's configuration at once, then waits for the word to go."""
        pid = os.fork()
        if pid:
            return pid
        code = 3  # pragma: no cover - from here on, runs in the child
        try:
            # Write ends of pipes stay with the watcher alone: a waiting run must see the end
            # of its pipe when the watcher drops it or dies, whatever else was forked since.
            for fd in ([self.standby.fd] if self.standby is not None else []) + (
                    [gate[1]] if gate is not None else []):
                os.close(fd)
            # a waiting run ignores Ctrl-C (the watcher quits and takes it along); it gets
            # Python's usual handler once it goes
            signal.signal(signal.SIGINT,
                          signal.SIG_IGN if gate is not None else signal.default_int_handler)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            null = os.open(os.devnull, os.O_RDONLY)
            os.dup2(null, 0)
            os.chdir(self.root)
            sys.argv = ["pytest", *argv]  # what the progress store records as the command
            drop_root_from_sys_path(self.root)
            import pytest

            code = int(pytest.main(argv, plugins=[] if gate is None else [_gate(gate[0])]))
        except BaseException:  # noqa: BLE001 - report anything, never return
            import traceback

            traceback.print_exc()
        finally:
            with contextlib.suppress(Exception):
                sys.stdout.flush()
                sys.stderr.flush()
            os._exit(code)

    def prepare(self, argv: list[str]) -> None:
        """Have a run of ``argv`` forked, configured and waiting (kept if already there)."""
        if not self.fork:
            return
        if self.standby is not None and self.standby.argv == argv:
            return
        self.drop()
        read_end, write_end = os.pipe()
        try:
            pid = self._fork(argv, gate=(read_end, write_end))
        finally:
            os.close(read_end)
        self.standby = Standby(pid, write_end, argv)

    def _release(self, argv: list[str]) -> int | None:
        """The waiting child's pid once told to go, if it was prepared for ``argv``."""
        standby = self.standby
        if standby is None or standby.argv != argv:
            self.drop()
            return None
        self.standby = None
        try:
            os.write(standby.fd, b"g")
        except OSError:  # it is gone (it failed to start, say): a plain run instead
            self._discard(standby)
            return None
        os.close(standby.fd)
        return standby.pid

    def drop(self) -> None:
        standby, self.standby = self.standby, None
        if standby is not None:
            self._discard(standby)

    @staticmethod
    def _discard(standby: Standby) -> None:
        with contextlib.suppress(OSError):
            os.close(standby.fd)
        with contextlib.suppress(OSError):
            os.kill(standby.pid, signal.SIGKILL)
        with contextlib.suppress(OSError, ChildProcessError):
            os.waitpid(standby.pid, 0)
