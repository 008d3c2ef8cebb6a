"""Loading pytest, its plugins, the heavy libraries and the hidden checks once, in a process
whose forked children then run pytest sessions (``numkata watch``, ``fork_server.py``)."""

from __future__ import annotations

import contextlib
import importlib
import io
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

HEAVY = ("numpy", "scipy", "scipy.linalg", "scipy.sparse", "scipy.integrate", "scipy.special",
         "hypothesis", "hypothesis.strategies", "hypothesis.extra.numpy")


def checks_modules() -> list[str]:
    """The hidden checks of every installed pack (call it inside the session: importing the
    catalogue imports ``pytest_numkata``)."""
    from pytest_numkata.packs import catalogue

    return [kata.checks_module for kata in catalogue.load().katas]


def every_module() -> list[str]:
    """The heavy libraries, and the hidden checks of every installed pack."""
    return [*HEAVY, *checks_modules()]


def _import_blocked_plugins() -> None:
    """Import, through pytest's assertion rewriting, the installed pytest plugins that this
    session did not load (a kata tree's ``-p no:anyio``).

    pytest marks every installed plugin's package for rewriting in each run, loaded or not,
    and warns "Module already imported so cannot be rewritten" about one that a warm process
    imported some other way: ``numkata watch`` imports watchfiles, which imports anyio. Imported
    here first, they are rewritten once and no run warns."""
    from importlib import metadata

    for entry in metadata.entry_points(group="pytest11"):
        module = entry.value.partition(":")[0].strip()
        if module and module not in sys.modules:
            try:
                importlib.import_module(module)
            except Exception:  # noqa: BLE001 - a plugin that cannot load is pytest's to report
                pass


def drop_root_from_sys_path(root: Path) -> None:
    """Take the workspace root (``python -m`` puts the current directory there, a root
    conftest.py puts it back) off ``sys.path`` before a pytest session starts, as it is for a
    plain ``pytest`` command.

    pytest marks for assertion rewriting every module of each installed distribution that
    declares a pytest plugin, and it finds those distributions along ``sys.path``. In a clone
    of numkata installed with ``pip install -e .``, the root holds ``numkata.egg-info``, which
    lists ``pytest_numkata`` itself: with the root on ``sys.path`` every run started by this
    (already warm) process would warn "Module already imported so cannot be rewritten;
    pytest_numkata". The root conftest.py, if any, puts the root back when it is loaded, as
    in any pytest run."""
    try:
        target = root.resolve()
        cwd = Path.cwd().resolve()
    except OSError:
        return

    def is_root(entry: str) -> bool:
        try:
            return (Path(entry).resolve() if entry else cwd) == target
        except OSError:
            return False

    sys.path[:] = [entry for entry in sys.path if not is_root(entry)]


def session(modules: Iterable[str] | Callable[[], Iterable[str]], root: Path,
            args: Sequence[str]) -> list[str]:
    """Import ``modules`` (or those a callable returns, called in the session) inside a
    ``--collect-only`` pytest session run in ``root`` with ``args``, so that modules pytest
    rewrites for assertions - the checks, the plugins - are imported through its hook and no
    later session warns that they were imported before it. Returns the modules that failed to
    import; what the session prints is dropped."""
    import pytest

    failed: list[str] = []

    class Warm:
        def pytest_sessionstart(self, session):
            try:
                wanted = list(modules() if callable(modules) else modules)
            except Exception:  # noqa: BLE001 - nothing preloaded: each run loads its own
                failed.append("<the list of modules>")
                wanted = []
            for module in wanted:
                try:
                    importlib.import_module(module)
                except Exception:  # noqa: BLE001 - a broken checks module fails in its run
                    failed.append(module)
            _import_blocked_plugins()

    drop_root_from_sys_path(root)
    sink = io.StringIO()
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        pytest.main(["--collect-only", "-q", "-p", "no:cacheprovider", f"--rootdir={root}",
                     *args], plugins=[Warm()])
    return failed
