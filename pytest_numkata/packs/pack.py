"""``Pack``: where one kata pack's catalogue, stubs, solutions and checks are."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from .catalogue import Catalogue, Kata, load

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_CHAPTER_LIKE = re.compile(r"^ch[0-9]+$")


class PackError(LookupError):
    """A pack is unknown, malformed, or lacks what was asked of it."""


@dataclass(frozen=True)
class Pack:
    """One pack: where its catalogue, stubs, solutions and checks are.

    The trees are laid out by the pack's own ids (``Kata.local_id``): ``stubs/chNN/<name>.py``,
    ``reference/chNN/<name>.py``, ``mutants/chNN/<name>.py`` (known-wrong solutions: for a code
    kata, functions whose ``expect`` attribute is the mistake the checks must name),
    ``alternatives/chNN/<name>.py`` (other correct solutions: functions for a code kata, an
    ``ANSWERS`` list for an answer kata); the hidden checks are the modules
    ``<checks_package>.chNN.<name>``, and the catalogue is ``catalogue_dir/chNN.toml``.
    """

    name: str
    title: str
    catalogue_dir: Path
    checks_package: str
    stubs: Path
    reference: Path
    mutants: Path | None = None
    alternatives: Path | None = None
    why: Path | None = None  # optional notes, why/chNN.toml, shown beside a solution

    @classmethod
    def at(cls, directory, name: str, title: str, checks_package: str | None = None) -> Pack:
        """The pack in a folder of the standard layout - what ``numkata new --into`` writes::

            <package>/            a Python package (its __init__.py declares the pack)
              catalogue/chNN.toml
              stubs/chNN/<name>.py         reference/chNN/<name>.py
              checks/chNN/<name>.py        (checks/ and checks/chNN/ are packages)
              mutants/chNN/<name>.py       alternatives/chNN/<name>.py
              why/chNN.toml                (optional)

        ``checks_package`` defaults to ``<folder name>.checks`` (the folder is a top-level
        package)."""
        d = Path(directory).resolve()
        why = d / "why"
        return cls(name=name, title=title, catalogue_dir=d / "catalogue",
                   checks_package=checks_package or f"{d.name}.checks", stubs=d / "stubs",
                   reference=d / "reference", mutants=d / "mutants",
                   alternatives=d / "alternatives", why=why if why.is_dir() else None)

    @functools.cached_property
    def catalogue(self) -> Catalogue:
        """The pack's own catalogue, with the pack's own ids (``chNN/name``)."""
        return load(Path(self.catalogue_dir), self.name, self.checks_package)

    def stub_path(self, kata: Kata) -> Path:
        return Path(self.stubs) / f"{kata.local_id}.py"

    def reference_path(self, kata: Kata) -> Path:
        return Path(self.reference) / f"{kata.local_id}.py"

    def stub_text(self, kata: Kata) -> str:
        return _read(self.stub_path(kata), f"the {self.name} pack has no stub for {kata.id}")

    def reference_text(self, kata: Kata) -> str:
        return _read(self.reference_path(kata),
                     f"the {self.name} pack has no reference solution for {kata.id}")

    def check(self) -> None:
        """Refuse a malformed pack (a bad name, a missing catalogue)."""
        if not _NAME.match(self.name) or _CHAPTER_LIKE.match(self.name):
            raise PackError(f"pack name {self.name!r}: lower-case letters, digits and _, "
                            f"starting with a letter, and not a chapter id")
        if not Path(self.catalogue_dir).is_dir():
            raise PackError(f"pack {self.name}: its catalogue {self.catalogue_dir} is not a "
                            f"directory")


def _read(path: Path, missing: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PackError(f"{missing} ({path} is missing)") from None


