"""Shared fixtures for numkata's own tests: throwaway kata trees graded with pytester."""

from __future__ import annotations

import functools
import shutil
import textwrap
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]


def _preload_checks() -> None:
    """Import every hidden checks module (and so SciPy, mpmath, ml_dtypes, hypothesis) once.

    pytester's in-process runs forget the modules a run imported; a C extension such as
    numpy.fft cannot be loaded twice in one process, so SciPy must be imported before them."""
    import importlib

    from pytest_numkata import catalogue

    for kata in catalogue.load().katas:
        importlib.import_module(kata.checks_module)
    for name in ("scipy.stats", "scipy.optimize", "scipy.integrate"):  # imported lazily by checks
        importlib.import_module(name)


_preload_checks()

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = Path(__file__).resolve().parent / "mutants"

PYPROJECT = """\
[tool.pytest.ini_options]
numkata_katas = "katas"
numkata_reference = "reference"
# in-process pytester runs re-import an already imported plugin; that warning is an artefact
filterwarnings = ["ignore::pytest.PytestAssertRewriteWarning"]
"""


@functools.lru_cache(maxsize=1)
def committed_trees() -> dict[str, dict[str, str]]:
    """``{"katas": {id: text}, "reference": {id: text}}`` as committed (git HEAD), so that the
    project's tests compare against the pristine stubs even in a clone where a learner has
    been solving katas; outside a git checkout, the working tree."""
    import re
    import subprocess

    from pytest_numkata import bundle

    pattern = re.compile(r"^(katas|reference)/(ch\d\d/[a-z0-9_]+)\.py$")
    try:
        listed = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "-r", "--name-only", "HEAD",
                                 "katas", "reference"], capture_output=True, text=True,
                                check=True, timeout=60).stdout.split()
        paths = [p for p in listed if pattern.match(p)]
        batch = subprocess.run(["git", "-C", str(ROOT), "cat-file", "--batch"],
                               input="".join(f"HEAD:{p}\n" for p in paths).encode(),
                               capture_output=True, check=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return {tree: bundle.read_tree(ROOT / tree) for tree in bundle.TREES}
    trees: dict[str, dict[str, str]] = {tree: {} for tree in bundle.TREES}
    pos = 0
    for path in paths:
        header_end = batch.index(b"\n", pos)
        size = int(batch[pos:header_end].split()[2])
        content = batch[header_end + 1:header_end + 1 + size]
        pos = header_end + 1 + size + 1
        tree, kata_id = pattern.match(path).groups()
        trees[tree][kata_id] = content.decode("utf-8")
    return trees


def pristine_stub(kata_id: str) -> str:
    """The committed stub of ``kata_id`` (never a learner's working copy)."""
    return committed_trees()["katas"][kata_id]


def committed_reference(kata_id: str) -> str:
    """The committed reference solution of ``kata_id``."""
    return committed_trees()["reference"][kata_id]


class KataTree:
    """A kata tree in pytester's temporary directory."""

    def __init__(self, pytester: pytest.Pytester):
        self.pytester = pytester
        self.path = pytester.path
        (self.path / "pyproject.toml").write_text(PYPROJECT)
        self.home = self.path / "home"
        self.home.mkdir()

    def copy_tree(self, which: str = "katas", chapters: list[str] | None = None,
                  into: str | None = None) -> None:
        """Copy the project's ``katas`` or ``reference`` tree (or some chapters of it); stubs
        are the committed ones (a learner's edits in this clone are not test data)."""
        source = ROOT / which
        target = self.path / (into or which)
        if which == "katas":
            for kata_id, text in committed_trees()["katas"].items():
                if chapters is None or kata_id.split("/")[0] in chapters:
                    path = target / f"{kata_id}.py"
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_text(text, encoding="utf-8")
            return
        for chapter in sorted(p.name for p in source.iterdir() if p.is_dir()):
            if chapters is None or chapter in chapters:
                shutil.copytree(source / chapter, target / chapter, dirs_exist_ok=True)

    def write(self, kata_id: str, source: str, tree: str = "katas") -> Path:
        path = self.path / tree / f"{kata_id}.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source))
        return path

    def write_solution(self, kata_id: str, function: str, solutions_file: Path,
                       solution: str) -> Path:
        """A kata file holding ``solutions_file``'s source (a file of mutants or of
        alternatives) with ``function`` bound to its function ``solution`` (copied, not
        imported: kata code runs sandboxed and cannot read tests/)."""
        path = self.path / "katas" / f"{kata_id}.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(solutions_file.read_text() + f"\n\n{function} = {solution}\n")
        return path

    def run(self, *args: str) -> pytest.RunResult:
        return self.pytester.runpytest("-p", "no:cacheprovider", f"--numkata-home={self.home}",
                                       "-W", "ignore::pytest.PytestAssertRewriteWarning", *args)


def outcomes(result: pytest.RunResult) -> dict[str, int]:
    """The counts on pytest's last line, including numkata's two-word "not attempted"."""
    import re

    for line in reversed(result.outlines):
        if re.match(r"^=+ .* in [0-9.]+s", line) or re.match(r"^[0-9]+ \w.* in [0-9.]+s", line):
            found = re.findall(r"([0-9]+) ([a-z]+(?: attempted)?)", line)
            return {name if name != "error" else "errors": int(n) for n, name in found}
    return {}


def pytest_terminal_summary(terminalreporter):
    """Print the fault-injection tally recorded by tests/test_fail_closed.py."""
    for report in terminalreporter.stats.get("passed", []):
        for name, value in getattr(report, "user_properties", ()):
            if name == "fail_closed_tally":
                terminalreporter.write_line(value)


class Source:
    """An answer written as source text, for ``ANSWERS`` in tests/alternatives: the harness
    writes ``ANSWER = repr(value)``, and the repr of a Source is its text."""

    def __init__(self, text: str):
        self.text = text

    def __repr__(self) -> str:
        return self.text


def solutions_in(directory: Path):
    """(kata id, path, module) for every ``chNN/<name>.py`` under ``directory`` - the shared
    layout of tests/mutants and tests/alternatives - each file loaded by path."""
    import importlib.util

    for path in sorted(directory.glob("ch*/*.py")):
        spec = importlib.util.spec_from_file_location(
            f"{directory.name}_{path.parent.name}_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        yield f"{path.parent.name}/{path.stem}", path, module


def public_functions(module) -> list[str]:
    """The names of the functions a solutions module defines itself (helpers start with _)."""
    import inspect

    return [name for name, fn in vars(module).items()
            if inspect.isfunction(fn) and not name.startswith("_")
            and fn.__module__ == module.__name__]


@pytest.fixture
def kata_tree(pytester: pytest.Pytester) -> KataTree:
    return KataTree(pytester)
