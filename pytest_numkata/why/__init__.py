"""Short "why it works / where this bites in ML" notes, shown beside a kata's solution.

The notes live in ``why/chNN.toml``, one file a chapter and one table a kata::

    [log_sum_exp]
    why = \"\"\"...\"\"\"

Another kata pack keeps its notes the same way in its own folder (``Pack.why``; ``note_in``).
This module only reads data (no NumPy, no pytest). A chapter's file is read the first time
one of its notes is asked for, through ``importlib.resources``, so it works from a wheel as
well as from a source checkout.
"""

from __future__ import annotations

import functools
import re
import sys
from importlib import resources

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = ["note", "note_in", "chapter_notes"]

_KATA_ID = re.compile(r"(ch[0-9]{2})/([a-z_][a-z0-9_]*)")


@functools.lru_cache(maxsize=None)
def chapter_notes(chapter_id: str) -> dict[str, str]:
    """Every note of one chapter, by kata name; empty when the chapter has no notes file."""
    if not re.fullmatch(r"ch[0-9]{2}", chapter_id):
        return {}
    resource = resources.files(__name__).joinpath(f"{chapter_id}.toml")
    if not resource.is_file():  # a chapter without notes (also inside a zip, no KeyError)
        return {}
    return _notes(resource.read_text(encoding="utf-8"))


def _notes(text: str) -> dict[str, str]:
    data = tomllib.loads(text)
    return {
        name: " ".join(table["why"].split())
        for name, table in data.items()
        if isinstance(table, dict) and isinstance(table.get("why"), str)
    }


def note(kata_id: str) -> str | None:
    """The note of ``kata_id`` (e.g. ``"ch01/log_sum_exp"``) as one line of text, or None."""
    match = _KATA_ID.fullmatch(kata_id.strip()) if isinstance(kata_id, str) else None
    if match is None:
        return None
    chapter_id, name = match.groups()
    return chapter_notes(chapter_id).get(name)


def note_in(directory, local_id: str) -> str | None:
    """The note of a pack's kata ``chNN/name`` from ``directory/chNN.toml``, or None."""
    from pathlib import Path

    match = _KATA_ID.fullmatch(local_id.strip()) if isinstance(local_id, str) else None
    if match is None or directory is None:
        return None
    chapter_id, name = match.groups()
    try:
        text = (Path(directory) / f"{chapter_id}.toml").read_text(encoding="utf-8")
    except OSError:
        return None
    return _notes(text).get(name)
