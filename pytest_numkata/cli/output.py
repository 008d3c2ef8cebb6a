"""Colours and small text helpers shared by the commands."""

from __future__ import annotations

import os

from ..progress.outcomes import Status


class Style:
    """ANSI colours following pytest's rules: PY_COLORS, then NO_COLOR, then FORCE_COLOR,
    then whether the stream is a terminal; ``--color`` overrides them all."""

    CODES = {"red": "31", "green": "32", "yellow": "33", "blue": "34", "cyan": "36",
             "bold": "1", "dim": "2"}

    def __init__(self, stream, choice: str = "auto"):
        self.enabled = self.decide(stream, choice)

    @staticmethod
    def decide(stream, choice: str = "auto") -> bool:
        if choice == "yes":
            return True
        if choice == "no":
            return False
        env = os.environ
        if env.get("PY_COLORS") in ("0", "1"):
            return env["PY_COLORS"] == "1"
        if env.get("NO_COLOR"):
            return False
        if env.get("FORCE_COLOR"):
            return True
        isatty = getattr(stream, "isatty", None)
        return bool(isatty and isatty()) and env.get("TERM") != "dumb"

    def __call__(self, text: str, *names: str) -> str:
        if not self.enabled or not names:
            return text
        codes = ";".join(self.CODES[n] for n in names)
        return f"\x1b[{codes}m{text}\x1b[0m"


STATUS_COLOURS = {Status.MASTERED: ("green",), Status.REGRESSED: ("yellow", "bold"),
                  Status.FAILING: ("red",), Status.NOT_ATTEMPTED: ("dim",)}


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
