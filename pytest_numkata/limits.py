"""Address-space limits, shared by the grader (a cap for each kata's process) and by checks
that call learner code on huge inputs (a tighter cap around one call).

``address_space_cap(margin)`` lowers the soft RLIMIT_AS to the current size plus ``margin``
bytes, so that a runaway allocation fails at once with MemoryError whatever the machine's
overcommit policy, and restores the previous limit afterwards. Where limits cannot be read or
set (not POSIX, no /proc) it changes nothing and yields False.
"""

from __future__ import annotations

import contextlib
import os

MB = 1024 * 1024


def address_space_now() -> int | None:
    """This process's virtual size in bytes, or None where it cannot be read."""
    try:
        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[0])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
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
    previous = lower_soft_limit(margin)
    try:
        yield previous is not None or address_space_now() is not None
    finally:
        if previous is not None:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, previous)
