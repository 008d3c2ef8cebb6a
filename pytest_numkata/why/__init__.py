"""Short "why it works / where this bites in ML" notes, shown beside a kata's solution.

The notes live in ``why/chNN.toml``, one file a chapter and one table a kata::

    [log_sum_exp]
    why = \"\"\"...\"\"\"

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

__all__ = ["note", "chapter_notes"]

_KATA_ID = re.compile(r"(ch[0-9]{2})/([a-z_][a-z0-9_]*)")


@functools.lru_cache(maxsize=None)
def chapter_notes(chapter_id: str) -> dict[str, str]:
    """Every note of one chapter, by kata name; empty when the chapter has no notes file."""
    if not re.fullmatch(r"ch[0-9]{2}", chapter_id):
        return {}
    resource = resources.files(__name__).joinpath(f"{chapter_id}.toml")
    if not resource.is_file():  # a chapter without notes (also inside a zip, no KeyError)
        return {}
    data = tomllib.loads(resource.read_text(encoding="utf-8"))
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
