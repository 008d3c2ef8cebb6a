"""Kata and chapter ids as a learner types them (``ch1``, ``katas/ch01/x.py``, a bare kata
name, an absolute path) -> catalogue entries, or an error suggesting the closest ids."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from ..packs.catalogue import Chapter, Kata
from .context import Context
from .errors import CliError

_CHAPTER = re.compile(r"^(?:ch)?0*(\d+)$", re.IGNORECASE)


def _chapter_form(text: str) -> str:
    """``ch1``, ``CH01``, ``1`` -> ``ch01``; anything else unchanged."""
    match = _CHAPTER.match(text)
    return f"ch{int(match.group(1)):02d}" if match else text


def normal_id(text: str, ctx: Context | None = None) -> str:
    """``katas/ch01/x.py``, ``./ch1/x``, ``ch01\\x.py``, an absolute path -> ``ch01/x``;
    ``katas/pack/ch01/x.py`` -> ``pack:ch01/x`` (a qualified pack's kata)."""
    text = text.strip().replace("\\", "/")
    if ctx is not None and ("/" in text or text.endswith(".py")):
        try:
            path = Path(text).expanduser()
            absolute = (Path.cwd() / path).resolve() if not path.is_absolute() else path.resolve()
            workspace = ctx.workspace_here()
            if workspace is not None:
                for tree in (workspace.katas, workspace.reference):
                    try:
                        text = absolute.relative_to(tree).as_posix()
                        break
                    except ValueError:
                        continue
        except (OSError, ValueError):
            pass
    if text.endswith(".py"):
        text = text[:-3]
    for prefix in ("./", "katas/", "reference/"):
        if text.startswith(prefix):
            text = text[len(prefix):]
    text = text.strip("/")
    parts = text.split("/")
    if len(parts) == 3 or (len(parts) == 2 and _CHAPTER.match(parts[1]) and
                           not _CHAPTER.match(parts[0])):
        # a qualified pack's file or folder: pack/ch01/x -> pack:ch01/x, pack/ch01 -> pack:ch01
        return f"{parts[0]}:{_chapter_form(parts[1])}" + "".join(f"/{p}" for p in parts[2:])
    head, sep, tail = text.partition("/")
    pack, colon, chapter = head.rpartition(":")
    return pack + colon + _chapter_form(chapter) + sep + tail


def suggestions(text: str, choices: list[str], n: int = 3) -> list[str]:
    """The ids closest to ``text``, best first; ties keep the order of ``choices`` (the
    catalogue's), and a bare kata name suggests its full id."""
    typed = normal_id(text)
    ids = {c: c for c in choices}
    ids.update({c.split("/", 1)[1]: c for c in choices if "/" in c})
    order = {c: i for i, c in enumerate(choices)}
    scored: dict[str, float] = {}
    for name, full in ids.items():
        score = difflib.SequenceMatcher(None, typed, name).ratio()
        if score >= 0.6:
            scored[full] = max(score, scored.get(full, 0.0))
    return sorted(scored, key=lambda c: (-scored[c], order[c]))[:n]


def unknown(what: str, text: str, choices: list[str]) -> CliError:
    """The error for an unknown id, suggesting close ids."""
    close = suggestions(text, choices)
    tip = f" - did you mean {' or '.join(close)}?" if close else ""
    listing = "" if close else " (`numkata status -v` lists them)"
    return CliError(f"unknown {what} {text!r}{tip}{listing}")


def resolve_kata(ctx: Context, text: str) -> Kata:
    cat = ctx.catalogue
    kata_id = normal_id(text, ctx)
    if kata_id in cat.by_id:
        return cat.by_id[kata_id]
    by_name = [k for k in cat.katas if k.name == kata_id]
    if len(by_name) == 1:
        return by_name[0]
    if kata_id in cat.chapter_by_id:
        katas = cat.chapter_by_id[kata_id].katas
        raise CliError(f"{kata_id} is a chapter; name one of its katas, e.g. {katas[0].id}"
                       if katas else f"{kata_id} is an empty chapter")
    raise unknown("kata", text, [k.id for k in cat.katas])


def resolve_chapter(ctx: Context, text: str) -> Chapter:
    cat = ctx.catalogue
    chapter_id = normal_id(text, ctx)
    if chapter_id in cat.chapter_by_id:
        return cat.chapter_by_id[chapter_id]
    raise unknown("chapter", text, [c.id for c in cat.chapters])


def is_chapter(ctx: Context, text: str) -> bool:
    return normal_id(text, ctx) in ctx.catalogue.chapter_by_id


def resolve_target(ctx: Context, text: str) -> tuple[str, list[Kata]]:
    """A kata id or a chapter id -> (what was named, its katas)."""
    if is_chapter(ctx, text):
        chapter = resolve_chapter(ctx, text)
        return chapter.id, list(chapter.katas)
    try:
        kata = resolve_kata(ctx, text)
    except CliError as exc:
        cat = ctx.catalogue
        if "is a chapter" in str(exc):
            raise
        chapters = [] if "/" in normal_id(text, ctx) else [c.id for c in cat.chapters]
        raise unknown("kata or chapter", text, chapters + [k.id for k in cat.katas]) from exc
    return kata.id, [kata]
