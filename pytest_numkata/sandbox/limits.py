"""Limits on the learner's calls: address space and time, for the whole kata or one call.

Checks that call learner code on huge inputs tighten the limits around one call:

- ``address_space_cap(margin)``: the learner's address space may grow by at most ``margin``
  bytes during the calls in the block, so a runaway allocation fails at once with MemoryError
  whatever the machine's overcommit policy;
- ``time_limit(seconds)``: a call in the block that runs longer raises ``TooSlow`` (a
  BaseException, so ``except Exception`` in learner code cannot eat it).

When the learner runs in its own process (the default) the limits travel with each call and
are applied there; with ``--numkata-isolation=none`` they are applied to this process (soft
RLIMIT_AS, SIGALRM). Where a limit is unavailable it does nothing.

The readers of a process's use that the limits are measured against live here too:
``address_space_now``, and from ``/proc/<pid>/stat`` ``cpu_seconds`` and ``current_cpu``; and
the bound on a helper process's life, ``die_with_parent``.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import signal
import threading
from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """The limits of one kata's checks: seconds (of computing) a check may take, and the
    address space (MB) a process may add to what it starts with."""

    timeout: float
    memory_mb: int

_learner_is_remote = False
_call_margin: contextvars.ContextVar[int | None] = contextvars.ContextVar("numkata_margin",
                                                                          default=None)
_call_seconds: contextvars.ContextVar[float | None] = contextvars.ContextVar("numkata_seconds",
                                                                             default=None)


class TooSlow(BaseException):
    """A learner's call ran past the time budget of a ``time_limit`` block."""


def learner_runs_remotely(flag: bool = True) -> None:
    """Called by the grader: learner calls go to a learner process from now on."""
    global _learner_is_remote
    _learner_is_remote = flag


def call_memory_margin() -> int | None:
    return _call_margin.get()


def call_seconds() -> float | None:
    return _call_seconds.get()


def address_space_now() -> int | None:
    """This process's virtual size in bytes, or None where it cannot be read."""
    try:
        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[0])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def die_with_parent(parent_pid: int | None = None) -> None:
    """In a child process: be killed (SIGKILL) when the process that started it dies, so that
    nothing it runs outlives its parent (Linux ``PR_SET_PDEATHSIG``; elsewhere nothing). Given
    ``parent_pid``, a child whose parent died before the setting took exits at once."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError, TypeError):
        return  # not Linux: the parent's own clean-up is all there is
    if parent_pid is not None and os.getppid() != parent_pid:
        os._exit(70)


def process_stat(pid: int | str = "self") -> list[bytes] | None:
    """The fields of ``/proc/<pid>/stat`` after the command name (state, ppid, pgrp, session,
    ...), or None where they cannot be read."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()
    except (OSError, IndexError):
        return None


def cpu_seconds(pid: int | str = "self") -> float | None:
    """CPU time (user + system) a process has used so far, or None where it cannot be read."""
    fields = process_stat(pid)
    try:
        return (int(fields[11]) + int(fields[12])) / _TICKS
    except (TypeError, IndexError, ValueError):
        return None


def current_cpu() -> int | None:
    """The CPU this process last ran on, or None where it cannot be read."""
    fields = process_stat()
    try:
        return int(fields[36])
    except (TypeError, IndexError, ValueError):
        return None


def lower_soft_limit(margin: int) -> tuple[int, int] | None:
    """Set the soft RLIMIT_AS to the current size plus ``margin`` unless it is already that
    tight; returns the previous (soft, hard) limits when it changed them, else None."""
    try:
        import resource
    except ImportError:  # not POSIX
        return None
    now = address_space_now()
    if now is None:
        return None
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = now + margin
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    if soft != resource.RLIM_INFINITY and soft <= cap:
        return None
    try:
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ValueError, OSError):
        return None
    return soft, hard


@contextlib.contextmanager
def address_space_cap(margin: int):
    """Cap the address space at the current size plus ``margin`` bytes for the ``with`` block."""
    if _learner_is_remote:
        token = _call_margin.set(margin)
        try:
            yield True
        finally:
            _call_margin.reset(token)
        return
    previous = lower_soft_limit(margin)
    try:
        yield previous is not None or address_space_now() is not None
    finally:
        if previous is not None:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, previous)


@contextlib.contextmanager
def time_limit(seconds: float):
    """Learner calls in the block that run longer than ``seconds`` raise TooSlow."""
    if _learner_is_remote:
        token = _call_seconds.set(seconds)
        try:
            yield True
        finally:
            _call_seconds.reset(token)
        return
    usable = (hasattr(signal, "setitimer") and hasattr(signal, "SIGALRM")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield False
        return

    def _expired(signum, frame):
        raise TooSlow()

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield True
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
