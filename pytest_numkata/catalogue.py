"""The kata catalogue: chapter order, kata order, ids, types, titles, difficulty and hints.

The catalogue is the single source of truth. It lives in ``catalogue/chNN.toml``, one file a
chapter (file name order is chapter order, entry order inside a file is kata order). Stubs
under ``katas/``, solutions under ``reference/`` and hidden checks under
``pytest_numkata/checks/`` mirror it by id; the project's tests fail when they drift apart.

This module only reads data: no NumPy, no pytest, so it is cheap on every run.
"""

from __future__ import annotations

import functools
import hashlib
import sys
from dataclasses import dataclass, field
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

CATALOGUE_DIR = Path(__file__).with_name("catalogue")

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

    @property
    def chapter(self) -> str:
        return self.id.split("/", 1)[0]

    @property
    def name(self) -> str:
        return self.id.split("/", 1)[1]

    @property
    def relpath(self) -> str:
        """The stub's path relative to the kata tree, e.g. ``ch01/log_sum_exp.py``."""
        return f"{self.id}.py"

    @property
    def checks_module(self) -> str:
        return f"pytest_numkata.checks.{self.chapter}.{self.name}"

    @property
    def answers_by_constant(self) -> bool:
        return self.type in ANSWER_TYPES


@dataclass(frozen=True)
class Chapter:
    id: str  # "ch01"
    title: str
    katas: tuple[Kata, ...] = field(default=())

    @property
    def number(self) -> int:
        return int(self.id[2:])


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
        ids = [ch.id for ch in self.chapters]
        index = ids.index(chapter_id)
        return self.chapters[index - 1] if index > 0 else None


def fingerprint(source: str) -> str:
    """A fingerprint of a stub's text that ignores line endings, trailing spaces and blank lines.

    Used to tell an untouched Debug stub (which ships working-but-wrong code) from an edited one.
    """
    lines = [line.rstrip() for line in source.replace("\r\n", "\n").split("\n")]
    normal = "\n".join(line for line in lines if line)
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


def _parse_chapter(path: Path) -> Chapter:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise CatalogueError(f"{path.name}: {exc}") from exc
    chapter_id = path.stem
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
            )
        )
    return Chapter(id=chapter_id, title=data["title"], katas=tuple(katas))


@functools.lru_cache(maxsize=None)
def load(directory: Path = CATALOGUE_DIR) -> Catalogue:
    """Read every ``chNN.toml`` in ``directory`` in chapter order."""
    files = sorted(directory.glob("ch[0-9][0-9].toml"))
    chapters = tuple(_parse_chapter(p) for p in files)
    seen: set[str] = set()
    for kata in (k for ch in chapters for k in ch.katas):
        if kata.id in seen:
            raise CatalogueError(f"kata {kata.id} is listed twice")
        seen.add(kata.id)
    return Catalogue(chapters=chapters)
