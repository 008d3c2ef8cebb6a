"""Reading a learner's kata file with bounds: a regular file (never through a link) of at most
1 MB, read into this process. The judge classifies the file from these bytes without running
it (``judge/kata_file.py``); the learner process receives them as text and never opens the
path itself (``proxy.LearnerSession``)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

MAX_KATA_BYTES = 1024 * 1024  # a kata file is a page or two; anything past 1 MB is refused


class UnreadableKata(Exception):
    """The file cannot be graded as it is; the message says why, for the learner."""


def read_kata_bytes(path: Path, display: str) -> bytes:
    """The file's bytes: only a regular file (not a link) of at most MAX_KATA_BYTES is read.
    Raises UnreadableKata, naming the file as ``display``."""
    try:
        st = os.lstat(path)
    except OSError as exc:
        raise UnreadableKata(f"cannot read {display}: {exc.strerror or exc}") from exc
    if stat.S_ISLNK(st.st_mode):
        raise UnreadableKata(f"{display} is a symbolic link: numkata grades only the kata file "
                             f"itself - replace the link with the file")
    if not stat.S_ISREG(st.st_mode):
        raise UnreadableKata(f"{display} is not a regular file")
    if st.st_size > MAX_KATA_BYTES:
        raise UnreadableKata(f"{display} is {st.st_size / 1e6:.1f} MB: a kata file may be at "
                             f"most 1 MB")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        try:
            raw = os.read(fd, MAX_KATA_BYTES + 1)[:MAX_KATA_BYTES + 1]
        finally:
            os.close(fd)
    except OSError as exc:
        raise UnreadableKata(f"cannot read {display}: {exc.strerror or exc}") from exc
    if len(raw) > MAX_KATA_BYTES:  # it grew after lstat
        raise UnreadableKata(f"{display} is over 1 MB: a kata file may be at most 1 MB")
    return raw
