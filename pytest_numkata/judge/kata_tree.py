"""What pytest collects under the kata tree: catalogue kata files, and nothing else.

The catalogue's files are ``chNN/<name>.py``, and ``<pack>/chNN/<name>.py`` for a kata pack
whose ids are qualified (``packs.catalogue.relpath_of``): exactly those paths, and the folders
that hold them, are collected.

``KataTreePlugin`` turns each catalogue kata file into a ``KataModule`` and makes sure nothing
else under the tree is ever imported by the judge: a ``test_*.py``, a package ``__init__.py``,
a symbolic link, a folder that is not a chapter. ``conftest_guard.guard_kata_tree`` does the
same for ``conftest.py`` files, which pytest imports before any hook could refuse them. What
was left out is named in the summary.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .collection import KataModule
from .conftest_guard import ignored_conftests


class KataTreePlugin:
    def __init__(self, config: pytest.Config, options, catalogue):
        self.config = config
        self.options = options
        self.catalogue = catalogue
        self.katas_dir = options.katas_dir
        self.ignored: list[str] = []
        self.saw_katas = False
        # the folders that may hold kata files: chNN, pack, pack/chNN
        self.folders = {str(Path(k.relpath).parent) for k in catalogue.katas} | {
            Path(k.relpath).parts[0] for k in catalogue.katas}
        self._check_arguments()

    # ------------------------------------------------------------------ ids and paths
    def kata_for_path(self, path: Path):
        try:
            rel = Path(path).resolve().relative_to(self.katas_dir)
        except ValueError:
            return None
        if rel.suffix != ".py" or len(rel.parts) not in (2, 3):
            return None
        from ..packs.catalogue import id_of_relpath

        kata_id = id_of_relpath(rel.as_posix())
        return self.catalogue.by_id.get(kata_id) if kata_id else None

    def kata_for_nodeid(self, nodeid: str) -> str | None:
        kata = self.kata_for_path(self.config.rootpath / nodeid.split("::", 1)[0])
        return kata.id if kata else None

    def ignored_paths(self) -> list[str]:
        """Everything under the tree that was left out, relative to the rootdir."""
        out = []
        for path in ignored_conftests(self.config.pluginmanager) + self.ignored:
            try:
                out.append(Path(path).relative_to(self.config.rootpath).as_posix()
                           + ("/" if path.endswith("/") else ""))
            except ValueError:
                out.append(path)
        return list(dict.fromkeys(out))

    # ------------------------------------------------------------------ collection
    def _make_module(self, path: Path, parent):
        kata = self.kata_for_path(path)
        if kata is None:
            return None
        self.saw_katas = True
        return KataModule.for_kata(parent, Path(path), kata, self.options.tree / kata.relpath,
                                   self.options)

    def _under_katas(self, path: Path) -> Path | None:
        try:
            return Path(os.path.abspath(path)).relative_to(self.katas_dir)
        except ValueError:
            return None

    @pytest.hookimpl(tryfirst=True)
    def pytest_ignore_collect(self, collection_path: Path, config):
        """Under the kata tree only catalogue kata files (regular files, not links) and the
        chapter folders holding them are collected; anything else - a test_*.py, a package
        __init__.py - is never imported, and is named in the summary."""
        rel = self._under_katas(collection_path)
        if rel is None or not rel.parts:
            return None
        path = Path(collection_path)
        if len(rel.parts) <= 2 and path.is_dir() and not path.is_symlink():
            if rel.as_posix() in self.folders:
                return None
            self.ignored.append(os.path.abspath(path) + "/")
            return True
        if path.name.startswith("."):
            return True
        if path.name == "conftest.py":
            return None  # never imported: see conftest_guard
        if path.is_symlink() or path.suffix != ".py" or self.kata_for_path(path) is None:
            if path.suffix == ".py" or path.is_dir():
                self.ignored.append(os.path.abspath(path))
            return True
        return None

    @pytest.hookimpl(tryfirst=True)
    def pytest_collect_directory(self, path: Path, parent):
        """A chapter folder is a plain directory even with an ``__init__.py`` in it (pytest
        would import that file for a package)."""
        if self._under_katas(path) is not None:
            return pytest.Dir.from_parent(parent, path=path)
        return None

    def pytest_collect_file(self, file_path: Path, parent):
        if file_path.suffix != ".py" or parent.session.isinitpath(file_path):
            return None  # files named on the command line come through pytest_pycollect_makemodule
        return self._make_module(file_path, parent)

    @pytest.hookimpl(tryfirst=True)
    def pytest_pycollect_makemodule(self, module_path: Path, parent):
        return self._make_module(module_path, parent)

    def pytest_collection_modifyitems(self, session, config, items) -> None:
        """Checks run in catalogue order (pytest would follow file names), so progress lines,
        ``-x`` and the summary's "next" agree."""
        order = {k.id: i for i, k in enumerate(self.catalogue.katas)}
        big = len(order)

        def key(item):
            module = item.getparent(KataModule)
            return -1 if module is None else order.get(module.kata.id, big)

        items[:] = sorted(items, key=key)

    @pytest.hookimpl(tryfirst=True)
    def pytest_collection(self, session) -> None:
        """A path that does not exist, but names a chapter or kata, gets a suggestion instead
        of pytest's bare "file or directory not found"."""
        for arg in self.config.args:
            given = arg.split("::", 1)[0]
            if (self.config.invocation_params.dir / given).exists():
                continue
            suggestion = self._suggest(given)
            if suggestion:
                raise pytest.UsageError(f"{given} not found - did you mean {suggestion}?")

    def _suggest(self, given: str) -> str | None:
        import difflib

        here = self.config.invocation_params.dir
        name = given.rstrip("/").replace("\\", "/")
        names = [c.id for c in self.catalogue.chapters] + [k.id for k in self.catalogue.katas]
        stem = name[:-3] if name.endswith(".py") else name
        parts = stem.split("/")
        if parts and parts[0] == self.katas_dir.name:
            parts = parts[1:]
        stem = "/".join(parts)
        import re

        number = re.fullmatch(r"ch(\d{1,2})", stem.lower())
        if number:  # ch0, ch1, CH01 mean ch00, ch01
            stem = f"ch{int(number.group(1)):02d}"
        match = stem if stem in names else next(iter(difflib.get_close_matches(stem, names, 1,
                                                                                0.6)), None)
        if match is None:
            return None
        from ..packs.catalogue import relpath_of

        target = self.katas_dir / (relpath_of(match) if "/" in match
                                   else match.replace(":", "/"))
        return os.path.relpath(target, here).replace(os.sep, "/")

    def _check_arguments(self) -> None:
        """A file under the kata tree named on the command line must be a kata: never import
        anything else there as a test module."""
        for arg in self.config.args:
            path = (self.config.invocation_params.dir / arg.split("::", 1)[0]).resolve()
            if path.suffix != ".py" or not path.is_file():
                continue
            try:
                rel = path.relative_to(self.katas_dir)
            except ValueError:
                continue
            if self.kata_for_path(path) is None:
                chapter = ":".join(rel.parts[:-1])  # ch01, or pack:ch01
                known = [k.name for k in self.catalogue.katas if k.chapter == chapter]
                listing = f" (the katas of {chapter}: {', '.join(known)})" if known else ""
                raise pytest.UsageError(f"{arg} is not a numkata kata{listing}")
