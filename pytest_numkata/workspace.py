"""The learner's workspace: where its root, home, kata tree and reference tree are, and the
process environment a run in it needs. Every part of numkata asks this module; none has a rule
of its own.

The rule:

- **root**: the directory whose ``pyproject.toml`` (``[tool.pytest.ini_options]``) or
  ``pytest.ini`` sets ``numkata_katas``. pytest finds it as its rootdir (``for_config``); the
  ``numkata`` command walks up from the current directory to the first such directory
  (``find``), so both agree in a clone, in any directory below its root and in a workspace made
  by ``numkata init``.
- **katas** and **reference**: ``numkata_katas`` and ``numkata_reference`` (default
  ``reference``), relative to the root. The reference tree is present in a clone and absent in
  an ``init`` workspace.
- **home** (progress, report, backups, hypothesis's files): the directory named explicitly
  (``--numkata-home``, the command's ``--home``, else ``$NUMKATA_HOME``), which must exist;
  else ``.numkata/`` under the root, made when first written.
- **environment**: one BLAS thread (katas use small matrices, and a forked judge must not
  inherit a thread pool) and hypothesis's files under the home, never in the learner's tree.
  Set before NumPy or hypothesis is imported; a value already set by the learner is kept.

Only the standard library is imported here: the quick commands and the grading task of
``numkata grade`` use this module too.
"""

from __future__ import annotations

import configparser
import os
import sys
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 only
    import tomli as tomllib

HOME_DIRNAME = ".numkata"
HOME_ENV = "NUMKATA_HOME"
KATAS_INI = "numkata_katas"
REFERENCE_INI = "numkata_reference"
DEFAULT_REFERENCE = "reference"
BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
HYPOTHESIS_DIRECTORY_VARIABLE = "HYPOTHESIS_STORAGE_DIRECTORY"

NO_TREE = ("no kata tree here: no pyproject.toml or pytest.ini in {cwd} or above sets "
           "numkata_katas (run numkata inside your kata workspace, or make one with "
           "`numkata init DIR`)")


class WorkspaceError(Exception):
    """The workspace cannot be used as named; the message says why, for the learner."""


@dataclass(frozen=True)
class Workspace:
    root: Path
    katas: Path  # the learner's kata tree
    reference: Path  # the solved tree (present in a clone, absent in an init'ed workspace)
    home: Path
    home_named: bool = False  # named explicitly (option or NUMKATA_HOME), not the default

    # ------------------------------------------------------------------ building
    @classmethod
    def at(cls, root: Path, katas: str, reference: str | None = None, *,
           home: str | os.PathLike | None = None,
           environ: Mapping[str, str] | None = None) -> Workspace:
        """The workspace rooted at ``root`` whose ini options name ``katas`` and ``reference``;
        ``home`` is the explicitly named home, if any (else ``$NUMKATA_HOME``, else the
        default)."""
        root = Path(root).resolve()
        home_path, named = resolve_home(root, home, environ)
        return cls(root=root, katas=(root / katas).resolve(),
                   reference=(root / (reference or DEFAULT_REFERENCE)).resolve(),
                   home=home_path, home_named=named)

    # ------------------------------------------------------------------ checking
    def check_home(self) -> None:
        """Raise ``WorkspaceError`` when the home cannot be used: a file, or a named directory
        that does not exist (a default home is made when first written)."""
        check_home(self.home, self.home_named)

    # ------------------------------------------------------------------ paths
    def rel(self, path: Path) -> str:
        try:
            return Path(path).relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def display(self, path: Path) -> str:
        """``path`` relative to the root when it is inside it, else absolute."""
        rel = self.rel(path)
        return rel if not os.path.isabs(rel) else str(path)

    def kata_path(self, kata) -> Path:
        return self.katas / kata.relpath

    def command(self, kata) -> str:
        return f"pytest {self.rel(self.kata_path(kata))}"

    @property
    def hypothesis_directory(self) -> Path:
        return self.home / "hypothesis"

    # ------------------------------------------------------------------ a run's process
    def environment(self) -> dict[str, str]:
        """The environment variables a grading run in this workspace needs."""
        return {**{name: "1" for name in BLAS_THREAD_VARIABLES},
                HYPOTHESIS_DIRECTORY_VARIABLE: str(self.hypothesis_directory)}

    def prepare_environment(self, environ: MutableMapping[str, str] | None = None) -> None:
        """Set ``environment()`` in this process (``os.environ``) where not set already -
        before NumPy and hypothesis are imported, so they read it."""
        environ = os.environ if environ is None else environ
        for name, value in self.environment().items():
            environ.setdefault(name, value)

    def pytest_args(self) -> list[str]:
        """The options that make a pytest run started in the root see this same workspace
        (its home, whether named or the default, named to it: make the home first)."""
        return [f"--numkata-home={self.home}"]


def resolve_home(root: Path, named: str | os.PathLike | None = None,
                 environ: Mapping[str, str] | None = None) -> tuple[Path, bool]:
    """The home and whether it was named: ``named`` (an option), else ``$NUMKATA_HOME``, else
    ``root/.numkata``."""
    environ = os.environ if environ is None else environ
    explicit = named or environ.get(HOME_ENV)
    if explicit:
        return Path(explicit).expanduser().resolve(), True
    return Path(root) / HOME_DIRNAME, False


def check_home(home: Path, named: bool) -> None:
    """Raise ``WorkspaceError`` when ``home`` is a file, or is named and does not exist."""
    if home.exists() and not home.is_dir():
        raise WorkspaceError(f"numkata home {home} is a file, not a directory: name a "
                             f"directory with --numkata-home (numkata --home, or {HOME_ENV})")
    if named and not home.is_dir():
        raise WorkspaceError(f"numkata home {home} does not exist: create it or name "
                             f"another directory")


def named_home(named: str | os.PathLike | None = None,
               environ: Mapping[str, str] | None = None) -> Path | None:
    """The home named explicitly (``named``, else ``$NUMKATA_HOME``), checked - usable
    outside any workspace (``numkata report --home DIR``); None when none is named."""
    home, is_named = resolve_home(Path.cwd(), named, environ)
    if not is_named:
        return None
    check_home(home, True)
    return home


def for_config(config) -> Workspace:
    """The workspace of a pytest run (pytest's rootdir, its ini values and options)."""
    return Workspace.at(config.rootpath, config.getini(KATAS_INI),
                        config.getini(REFERENCE_INI) or DEFAULT_REFERENCE,
                        home=config.getoption("numkata_home"))


def ini_options(directory: Path) -> dict | None:
    """The pytest ini options of ``directory``'s pytest.ini or pyproject.toml, if any (the
    first of the two that exists, as pytest reads them)."""
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


def find(start: Path | None = None, *, home: str | os.PathLike | None = None,
         environ: Mapping[str, str] | None = None) -> Workspace | None:
    """The workspace around ``start`` (default: the current directory): walk up to the first
    directory whose pytest options set ``numkata_katas``; None when there is none."""
    here = Path(start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        options = ini_options(directory)
        if options and options.get(KATAS_INI):
            katas = str(options[KATAS_INI]).strip().strip('"')
            reference = str(options.get(REFERENCE_INI) or DEFAULT_REFERENCE).strip().strip('"')
            return Workspace.at(directory, katas, reference, home=home, environ=environ)
    return None


def require(start: Path | None = None, *, home: str | os.PathLike | None = None,
            environ: Mapping[str, str] | None = None) -> Workspace:
    """``find``, or ``WorkspaceError`` saying there is no kata tree here."""
    found = find(start, home=home, environ=environ)
    if found is None:
        raise WorkspaceError(NO_TREE.format(cwd=Path(start or Path.cwd()).resolve()))
    return found
