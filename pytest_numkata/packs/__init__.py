"""Kata packs: numkata's own chapters and a teacher's, installed side by side.

A pack is an installable Python package that declares itself in the entry point group
``numkata.packs``; the entry point loads to a ``Pack`` or to a callable with no arguments that
returns one::

    [project.entry-points."numkata.packs"]
    linalg = "linalg_katas:pack"

numkata's own twelve chapters are the built-in pack ``numkata`` (``packs/builtin.py``), declared
the same way in numkata's pyproject.toml; it is there even when the installed metadata is
missing or broken.

The run sees the union of the installed packs (``catalogue_for()``): the built-in pack first,
then the others by name; a workspace sees the packs it holds kata files of. A pack keeps plain ids
(``ch20/name``, file ``katas/ch20/name.py``) unless one of its chapter ids is already taken by
a pack before it; then every id of that pack is qualified (``pack:ch00/name``, file
``katas/pack/ch00/name.py``). Each pack's chapters unlock in a chain of their own: a pack's
first chapter is open, and each further chapter opens once the one before it in the same pack
is mastered.

- ``catalogue.py`` - reading a pack's ``chNN.toml`` files into chapters and katas (ids, kata
  files, hints); numkata's own are the data folder ``pytest_numkata/catalogue/``;
- ``pack.py`` - ``Pack``: where one pack's catalogue, stubs, solutions and checks are;
- ``builtin.py`` - the built-in pack, read from a clone or from a wheel's bundle;
- ``bundle.py`` - the wheel's bundle of the built-in pack's stubs and solutions.

Standard library only, read once a process: this is on every run's path.
"""

from __future__ import annotations

import dataclasses
import functools
import sys
from pathlib import Path

from .catalogue import (BUILTIN_CHECKS, BUILTIN_PACK, Catalogue, CatalogueError, Chapter, Kata,
                        load)
from .pack import Pack, PackError

GROUP = "numkata.packs"


def _from_entry_point(entry_point) -> Pack:
    obj = entry_point.load()
    pack = obj if isinstance(obj, Pack) else obj()
    if not isinstance(pack, Pack):
        raise PackError(f"entry point {entry_point.name} = {entry_point.value} gave "
                        f"{type(pack).__name__}, not a numkata Pack")
    return pack


def _entry_points():
    from importlib.metadata import entry_points

    if sys.version_info >= (3, 10):
        return list(entry_points(group=GROUP))
    return list(entry_points().get(GROUP, ()))  # pragma: no cover


@functools.lru_cache(maxsize=1)
def installed() -> tuple[Pack, ...]:
    """Every installed pack: the built-in one first, then the others by name.

    A pack whose entry point cannot be loaded is an error naming it (a teacher's broken pack
    must not silently vanish from a class); the built-in pack falls back to this package's
    own when its metadata is missing."""
    from . import builtin

    found: dict[str, Pack] = {}
    for entry_point in sorted(_entry_points(), key=lambda e: e.name):
        if entry_point.name in found:
            continue  # the same distribution seen twice on the path: the first wins
        try:
            pack = _from_entry_point(entry_point)
        except PackError:
            raise
        except Exception as exc:  # noqa: BLE001 - whatever a third-party import raises
            if entry_point.name == BUILTIN_PACK:
                continue  # stale metadata of numkata itself: the fallback below
            raise PackError(f"the kata pack {entry_point.name} ({entry_point.value}) cannot "
                            f"be loaded: {type(exc).__name__}: {exc}") from exc
        pack.check()
        if pack.name != entry_point.name:
            raise PackError(f"entry point {entry_point.name} names a pack called {pack.name}")
        found[pack.name] = pack
    builtin_pack = found.pop(BUILTIN_PACK, None) or builtin.pack()
    return (builtin_pack, *found.values())


def get(name: str) -> Pack:
    for pack in installed():
        if pack.name == name:
            return pack
    names = ", ".join(p.name for p in installed())
    raise PackError(f"no kata pack called {name!r} is installed (installed: {names})")


def of(kata: Kata) -> Pack:
    """The pack a kata (of the union catalogue or of a pack's own) comes from."""
    return get(kata.pack)


def catalogue_for(katas_dir: Path | None = None) -> Catalogue:
    """The union of the installed packs' catalogues (see the module docstring for the ids).

    Given a workspace's kata tree, only the packs that have a kata file there: a workspace
    made for one pack is not asked to master another. A tree holding no pack's file (an empty
    one) sees every pack."""
    everything = _union()
    if katas_dir is None or len(everything.packs) == 1:
        return everything
    present = {pack for pack in everything.packs
               if any((katas_dir / k.relpath).is_file() for k in everything.katas
                      if k.pack == pack)}
    if not present or len(present) == len(everything.packs):
        return everything
    return Catalogue(chapters=tuple(ch for ch in everything.chapters if ch.pack in present))


@functools.lru_cache(maxsize=1)
def _union() -> Catalogue:
    return union(installed())


def union(packs) -> Catalogue:
    chapters = []
    taken: set[str] = set()
    for pack in packs:
        own = pack.catalogue
        local = {ch.id for ch in own.chapters}
        qualified = bool(local & taken)
        if qualified:
            own = load(Path(pack.catalogue_dir), pack.name, pack.checks_package, True)
        taken |= local if not qualified else set()
        chapters.extend(own.chapters)
    ids = [k.id for ch in chapters for k in ch.katas]
    if len(ids) != len(set(ids)):  # pragma: no cover - qualification rules it out
        raise CatalogueError("two packs give the same kata id")
    return Catalogue(chapters=tuple(chapters))


def with_union_ids(own: Catalogue, union: Catalogue | None = None) -> Catalogue:
    """A pack's own catalogue (``Pack.catalogue``: ids ``chNN/name``) with the ids its katas
    have in ``union`` (the installed packs', by default) - the ids a run grades them under:
    ``pack:chNN/name`` for a pack the union qualifies. A pack that is not in the union keeps
    its own ids."""
    union = catalogue_for() if union is None else union
    qualified = {ch.pack for ch in union.chapters if ch.id != ch.local_id}
    if not qualified.intersection(ch.pack for ch in own.chapters):
        return own
    return Catalogue(chapters=tuple(_qualified(ch) if ch.pack in qualified else ch
                                    for ch in own.chapters))


def _qualified(chapter: Chapter) -> Chapter:
    prefix = f"{chapter.pack}:"
    return dataclasses.replace(chapter, id=prefix + chapter.local_id, katas=tuple(
        dataclasses.replace(k, id=prefix + k.local_id) for k in chapter.katas))


def search_paths() -> list[str]:
    """The ``PYTHONPATH`` entries holding an installed pack's distribution, so that a process
    started with a clean environment (a class's grading run) sees the same packs; empty when
    every pack is installed in the environment itself."""
    import os

    extra = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    if not extra:
        return []
    found = []
    for entry_point in _entry_points():
        dist = getattr(entry_point, "dist", None)
        try:
            where = os.path.abspath(str(dist.locate_file(""))) if dist is not None else None
        except Exception:  # noqa: BLE001 - a distribution without a location
            where = None
        for path in extra:
            if where is not None and os.path.abspath(path) == where and path not in found:
                found.append(path)
    return found


def katas_of(name: str) -> tuple[Kata, ...]:
    """A pack's katas as a run sees them (with the ids and files of the union catalogue)."""
    return tuple(k for k in catalogue_for().katas if k.pack == name)


def cache_clear() -> None:
    installed.cache_clear()
    _union.cache_clear()


__all__ = ["BUILTIN_CHECKS", "BUILTIN_PACK", "GROUP", "Pack", "PackError", "catalogue_for",
           "get", "installed", "katas_of", "of", "union", "with_union_ids"]
