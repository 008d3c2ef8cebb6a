"""Guards for checks that call learner code on huge sparse inputs.

`address_space_cap` lowers the soft RLIMIT_AS of this process to its current size plus a
margin, so that building a dense 10**6 x 10**6 matrix (8 TB) fails at once with MemoryError
whatever the machine's overcommit policy; the previous limit is restored afterwards.
`time_limit` interrupts a call that runs past its budget (SIGALRM; main thread, POSIX only) by
raising `TooSlow`, a BaseException so that `except Exception` in learner code cannot eat it.
Where a guard is unavailable it does nothing: NumPy refuses an 8 TB allocation by itself on
ordinary machines, and the caller still measures the elapsed time.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading

MB = 1024 * 1024


class TooSlow(BaseException):
    """The learner's call ran past its time budget."""


def _address_space_now() -> int | None:
    try:
        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[0])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


@contextlib.contextmanager
def address_space_cap(margin_bytes: int):
    try:
        import resource
    except ImportError:  # not POSIX
        yield False
        return
    now = _address_space_now()
    if now is None:
        yield False
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = now + margin_bytes
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    if soft != resource.RLIM_INFINITY and soft <= cap:
        yield True  # already at least this tight
        return
    try:
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ValueError, OSError):
        yield False
        return
    try:
        yield True
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


@contextlib.contextmanager
def time_limit(seconds: float):
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
