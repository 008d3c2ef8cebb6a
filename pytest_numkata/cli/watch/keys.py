"""Keys (a terminal in cbreak mode) or lines (anything else) from stdin, read without blocking."""

from __future__ import annotations

import contextlib
import os
import select
import sys


class Keys:
    """Keys (terminal, cbreak mode) or lines (anything else) from stdin, without blocking."""

    def __init__(self, stream=None):
        self.stream = stream if stream is not None else sys.stdin
        self.saved = None
        self.closed = False
        try:
            self.fd = self.stream.fileno()
        except (AttributeError, OSError, ValueError):
            self.fd, self.closed = None, True
        self.tty = self.fd is not None and os.isatty(self.fd)

    def __enter__(self) -> Keys:
        if self.tty:
            import termios
            import tty

            try:
                self.saved = termios.tcgetattr(self.fd)
                tty.setcbreak(self.fd)
            except termios.error:
                self.saved = None
        return self

    def __exit__(self, *exc: object) -> None:
        self.restore()

    def restore(self) -> None:
        if self.saved is not None:
            import termios

            with contextlib.suppress(termios.error):
                termios.tcsetattr(self.fd, termios.TCSADRAIN, self.saved)
            self.saved = None

    def read(self) -> list[str]:
        """Commands typed since the last call: single characters, "\\n" for a bare Enter."""
        if self.closed:
            return []
        try:
            ready, _, _ = select.select([self.fd], [], [], 0)
        except (OSError, ValueError):
            self.closed = True
            return []
        if not ready:
            return []
        if self.tty:
            data = os.read(self.fd, 64).decode("utf-8", "replace")
            return [c for c in data.lower() if not c.isspace() or c in "\r\n"]
        line = self.stream.readline()
        if not line:
            self.closed = True  # EOF: keep watching saves, stop reading
            return []
        word = line.strip().lower()
        return [word[:1] if word else "\n"]
