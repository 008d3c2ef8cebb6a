"""The kata catalogue: chapter order, kata order, ids, types, titles, difficulty and hints.

The catalogue is the single source of truth. Each kata pack has one directory of ``chNN.toml``
files, one a chapter (file name order is chapter order, entry order inside a file is kata
order); numkata's own chapters, the built-in pack, live in the data folder
``pytest_numkata/catalogue/``, which this module reads. Stubs, solutions and hidden checks
mirror it by id; the project's tests fail when they drift apart.

Ids: a kata of the built-in pack is ``chNN/name`` (file ``katas/chNN/name.py``). Another pack's
chapters keep those plain ids too, unless one of its chapter ids is already taken by a pack
before it: then every id of that pack is qualified, ``pack:chNN/name``, and its files live one
folder down, ``katas/pack/chNN/name.py`` (``relpath_of``, ``id_of_relpath``).

This module only reads data: no NumPy, no pytest, so it is cheap on every run.
"""

from __future__ import annotations

import functools
import hashlib
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

CATALOGUE_DIR = Path(__file__).parent.parent / "catalogue"  # the built-in pack's chapters
BUILTIN_PACK = "numkata"
BUILTIN_CHECKS = "pytest_numkata.checks"

KATA_TYPES = ("Derive", "Trace", "Build", "Debug", "Design")
ANSWER_TYPES = ("Derive", "Trace", "Design")
CODE_TYPES = ("Build", "Debug")
DIFFICULTIES = ("easy", "medium", "hard")


class CatalogueError(ValueError):
    """The catalogue data is malformed."""


@dataclass(frozen=True)
class Kata:
    id: str  # "ch01/log_sum_exp"
    type: str  # one of KATA_TYPES
    title: str
    difficulty: str
    hints: tuple[str, ...]
    function: str | None = None  # the name a Build/Debug stub defines
    pristine: str | None = None  # Debug: fingerprint of the shipped (buggy) stub
    timeout: float | None = None  # seconds; None means the default
    pack: str = BUILTIN_PACK  # the pack the kata comes from
    checks_package: str = BUILTIN_CHECKS  # its hidden checks: <package>.chNN.<name>

    @property
    def chapter(self) -> str:
        """The chapter's id, ``ch01`` (or ``pack:ch01`` for a qualified pack)."""
        return self.id.split("/", 1)[0]

    @property
    def name(self) -> str:
        return self.id.split("/", 1)[1]

    @property
    def local_id(self) -> str:
        """The id inside its own pack, ``ch01/log_sum_exp``: where its stub, reference,
        mutants and alternatives live in the pack's trees."""
        return f"{self.chapter.rsplit(':', 1)[-1]}/{self.name}"

    @property
    def relpath(self) -> str:
        """The stub's path relative to a workspace's kata tree, e.g. ``ch01/log_sum_exp.py``
        (``pack/ch01/name.py`` for a qualified id)."""
        return relpath_of(self.id)

    @property
    def checks_module(self) -> str:
        chapter, name = self.local_id.split("/", 1)
        return f"{self.checks_package}.{chapter}.{name}"

    @property
    def answers_by_constant(self) -> bool:
        return self.type in ANSWER_TYPES


@dataclass(frozen=True)
class Chapter:
    id: str  # "ch01"
    title: str
    katas: tuple[Kata, ...] = field(default=())
    pack: str = BUILTIN_PACK

    @property
    def local_id(self) -> str:
        return self.id.rsplit(":", 1)[-1]

    @property
    def number(self) -> int:
        return int(self.local_id[2:])


@dataclass(frozen=True)
class Catalogue:
    chapters: tuple[Chapter, ...]

    @functools.cached_property
    def katas(self) -> tuple[Kata, ...]:
        return tuple(k for ch in self.chapters for k in ch.katas)

    @functools.cached_property
    def by_id(self) -> dict[str, Kata]:
        return {k.id: k for k in self.katas}

    @functools.cached_property
    def chapter_by_id(self) -> dict[str, Chapter]:
        return {ch.id: ch for ch in self.chapters}

    def kata(self, kata_id: str) -> Kata:
        try:
            return self.by_id[kata_id]
        except KeyError:
            raise KeyError(f"unknown kata {kata_id!r}") from None

    def chapter(self, chapter_id: str) -> Chapter:
        try:
            return self.chapter_by_id[chapter_id]
        except KeyError:
            raise KeyError(f"unknown chapter {chapter_id!r}") from None

    def previous_chapter(self, chapter_id: str) -> Chapter | None:
        """The chapter before this one in the same pack (None for a pack's first chapter)."""
        ids = [ch.id for ch in self.chapters]
        index = ids.index(chapter_id)
        if index == 0 or self.chapters[index - 1].pack != self.chapters[index].pack:
            return None
        return self.chapters[index - 1]

    @functools.cached_property
    def packs(self) -> tuple[str, ...]:
        """The packs the chapters come from, in catalogue order."""
        return tuple(dict.fromkeys(ch.pack for ch in self.chapters))


_QUALIFIED = re.compile(r"^([a-z][a-z0-9_]*):(ch[0-9][0-9])/([A-Za-z_][A-Za-z0-9_]*)$")
_PLAIN = re.compile(r"^(ch[0-9][0-9])/([A-Za-z_][A-Za-z0-9_]*)$")


def relpath_of(kata_id: str) -> str:
    """A kata id -> its file under a kata tree: ``ch01/x`` -> ``ch01/x.py``,
    ``pack:ch01/x`` -> ``pack/ch01/x.py``."""
    pack, sep, rest = kata_id.partition(":")
    return f"{pack}/{rest}.py" if sep else f"{kata_id}.py"


def id_of_relpath(rel: str) -> str | None:
    """The inverse of ``relpath_of`` for a path relative to a kata tree (``/`` separated), or
    None when it has neither shape."""
    if not rel.endswith(".py"):
        return None
    parts = rel[:-3].split("/")
    if len(parts) == 2 and _PLAIN.match("/".join(parts)):
        return "/".join(parts)
    if len(parts) == 3:
        kata_id = f"{parts[0]}:{parts[1]}/{parts[2]}"
        return kata_id if _QUALIFIED.match(kata_id) else None
    return None


def fingerprint(source: str) -> str:
    """A fingerprint of a stub's text that ignores line endings, trailing spaces and blank lines.

    Used to tell an untouched Debug stub (which ships working-but-wrong code) from an edited one.
    """
    lines = [line.rstrip() for line in source.replace("\r\n", "\n").split("\n")]
    normal = "\n".join(line for line in lines if line)
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


def _parse_chapter(path: Path, pack: str = BUILTIN_PACK, checks_package: str = BUILTIN_CHECKS,
                   prefix: str = "") -> Chapter:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise CatalogueError(f"{path.name}: {exc}") from exc
    chapter_id = prefix + path.stem
    katas = []
    for entry in data.get("kata", []):
        kata_id = f"{chapter_id}/{entry['name']}"
        kind = entry.get("type")
        if kind not in KATA_TYPES:
            raise CatalogueError(f"{kata_id}: type {kind!r} is not one of {KATA_TYPES}")
        if entry.get("difficulty") not in DIFFICULTIES:
            raise CatalogueError(f"{kata_id}: difficulty must be one of {DIFFICULTIES}")
        hints = tuple(entry.get("hints", ()))
        if len(hints) < 2:
            raise CatalogueError(f"{kata_id}: at least two hints are required")
        if kind in CODE_TYPES and not entry.get("function"):
            raise CatalogueError(f"{kata_id}: a {kind} kata names its function")
        if kind == "Debug" and not entry.get("pristine"):
            raise CatalogueError(f"{kata_id}: a Debug kata records its pristine fingerprint")
        katas.append(
            Kata(
                id=kata_id,
                type=kind,
                title=entry["title"],
                difficulty=entry["difficulty"],
                hints=hints,
                function=entry.get("function"),
                pristine=entry.get("pristine"),
                timeout=entry.get("timeout"),
                pack=pack,
                checks_package=checks_package,
            )
        )
    return Chapter(id=chapter_id, title=data["title"], katas=tuple(katas), pack=pack)


@functools.lru_cache(maxsize=None)
def load(directory: Path = CATALOGUE_DIR, pack: str = BUILTIN_PACK,
         checks_package: str = BUILTIN_CHECKS, qualified: bool = False) -> Catalogue:
    """Read every ``chNN.toml`` in ``directory`` in chapter order: one pack's catalogue (the
    built-in pack's by default). ``qualified`` gives its ids the ``pack:`` prefix."""
    files = sorted(Path(directory).glob("ch[0-9][0-9].toml"))
    prefix = f"{pack}:" if qualified else ""
    chapters = tuple(_parse_chapter(p, pack, checks_package, prefix) for p in files)
    seen: set[str] = set()
    for kata in (k for ch in chapters for k in ch.katas):
        if kata.id in seen:
            raise CatalogueError(f"kata {kata.id} is listed twice")
        seen.add(kata.id)
    return Catalogue(chapters=chapters)
