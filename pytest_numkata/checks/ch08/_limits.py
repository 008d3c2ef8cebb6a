"""Guards for checks that call learner code on huge sparse inputs.

`address_space_cap` (from pytest_numkata.limits) lowers the soft RLIMIT_AS to the current size
plus a margin, so that building a dense 10**6 x 10**6 matrix (8 TB) fails at once with
MemoryError whatever the machine's overcommit policy; the previous limit is restored afterwards.
`time_limit` interrupts a call that runs past its budget (SIGALRM; main thread, POSIX only) by
raising `TooSlow`, a BaseException so that `except Exception` in learner code cannot eat it.
Where a guard is unavailable it does nothing: NumPy refuses an 8 TB allocation by itself on
ordinary machines, and the caller still measures the elapsed time.
"""

from __future__ import annotations

import contextlib
import signal
import threading

from pytest_numkata.limits import MB, address_space_cap  # noqa: F401 - re-exported


class TooSlow(BaseException):
    """The learner's call ran past its time budget."""


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
