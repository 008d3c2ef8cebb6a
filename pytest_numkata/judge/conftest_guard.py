"""Keeping pytest from importing a ``conftest.py`` found under the kata tree.

pytest imports the ``conftest.py`` of every directory it visits, before any hook could refuse
it, and a learner's conftest would then run inside the judge. ``guard_kata_tree`` wraps
pytest's conftest import so that those under the kata tree are never imported (they are named
as ignored in the summary). It is installed in ``pytest_load_initial_conftests``, the first
thing numkata does in a kata tree, so this module imports nothing but the standard library:
a run that hands itself over to the resident warm server never loads NumPy.
"""

from __future__ import annotations

import os
import types
from pathlib import Path


def within(path: Path, directory: Path) -> bool:
    return path == directory or directory in path.parents


def guard_kata_tree(pluginmanager, katas_dir: Path) -> None:
    """pytest imports the ``conftest.py`` of every directory it visits, before any hook of
    numkata's could refuse it. Under the kata tree that would run a learner's file inside the
    judge: such conftests are never imported (they are named as ignored in the summary)."""
    katas_dir = Path(os.path.abspath(katas_dir))
    dirs = getattr(pluginmanager, "_numkata_guarded", None)
    if dirs is not None:
        dirs.add(katas_dir)
        return
    dirs = pluginmanager._numkata_guarded = {katas_dir}
    ignored = pluginmanager._numkata_ignored = []
    original = pluginmanager._importconftest

    def _importconftest(conftestpath, *args, **kwargs):
        plain = Path(os.path.abspath(conftestpath))
        try:
            real = Path(conftestpath).resolve()
        except OSError:
            real = plain
        if any(within(plain, d) or within(real, d) for d in dirs):
            if str(plain) not in ignored:
                ignored.append(str(plain))
            return types.ModuleType(f"numkata_ignored_conftest_{len(ignored)}")
        return original(conftestpath, *args, **kwargs)

    pluginmanager._importconftest = _importconftest


def ignored_conftests(pluginmanager) -> list[str]:
    return list(getattr(pluginmanager, "_numkata_ignored", ()))
