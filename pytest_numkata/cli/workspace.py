"""Where the kata tree is: walk up from the current directory to the first pyproject.toml or
pytest.ini whose pytest options set ``numkata_katas``."""

from __future__ import annotations

import configparser
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from ..catalogue import Kata

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 only
    import tomli as tomllib


@dataclass(frozen=True)
class Workspace:
    root: Path
    katas: Path  # the learner's kata tree
    reference: Path  # the solved tree (present in a clone, absent in an init'ed workspace)

    def rel(self, path: Path) -> str:
        try:
            return Path(path).relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def display(self, path: Path) -> str:
        """``path`` relative to the root when it is inside it, else absolute."""
        rel = self.rel(path)
        return rel if not os.path.isabs(rel) else str(path)

    def kata_path(self, kata: Kata) -> Path:
        return self.katas / kata.relpath

    def command(self, kata: Kata) -> str:
        return f"pytest {self.rel(self.kata_path(kata))}"


def _ini_options(directory: Path) -> dict | None:
    """The pytest ini options of ``directory``'s pyproject.toml or pytest.ini, if any."""
    pytest_ini = directory / "pytest.ini"
    if pytest_ini.is_file():
        parser = configparser.ConfigParser(interpolation=None)
        try:
            parser.read(pytest_ini, encoding="utf-8")
        except (configparser.Error, OSError, UnicodeDecodeError):
            return None
        return dict(parser["pytest"]) if parser.has_section("pytest") else {}
    pyproject = directory / "pyproject.toml"
    if pyproject.is_file():
        try:
            data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            return None
        return data.get("tool", {}).get("pytest", {}).get("ini_options")
    return None


def find_workspace(start: Path | None = None) -> Workspace | None:
    """Walk up from ``start`` to the first directory whose pytest options set numkata_katas."""
    here = Path(start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        options = _ini_options(directory)
        if options and options.get("numkata_katas"):
            katas = str(options["numkata_katas"]).strip().strip('"')
            reference = str(options.get("numkata_reference") or "reference").strip().strip('"')
            return Workspace(directory, (directory / katas).resolve(),
                             (directory / reference).resolve())
    return None


NO_TREE = ("no kata tree here: no pyproject.toml or pytest.ini in {cwd} or above sets "
           "numkata_katas (run numkata inside your kata workspace, or make one with "
           "`numkata init DIR`)")
