"""numkata's pytest glue: options, collecting kata files, locking chapters, recording progress.

Each hook does one thing and hands the work to a plain module (catalogue, learner, grading,
progress, unlocking, summary). The plugin is active only in a kata tree - a rootdir whose ini
file sets ``numkata_katas`` - and does nothing at all elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest.register_assert_rewrite("pytest_numkata.checks")

USE_CHOICES = ("katas", "reference")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("numkata", "numkata (numerical-methods katas)")
    group.addoption("--numkata-unlock-all", action="store_true", default=False,
                    help="open every chapter, mastered or not (review, teaching, tests)")
    group.addoption("--numkata-use", choices=USE_CHOICES, default="katas",
                    help="grade the learner's stubs (katas, default) or the solved "
                         "reference/ tree (reference: progress is not recorded)")
    group.addoption("--numkata-home", default=None, metavar="DIR",
                    help="where progress lives (env NUMKATA_HOME; default .numkata/ "
                         "under the rootdir)")
    group.addoption("--numkata-report", default=None, metavar="PATH",
                    help="where the HTML mastery report is written after each run (default "
                         "report.html in the numkata home; results.json goes beside it; "
                         "- writes none)")
    group.addoption("--numkata-timeout", type=float, default=None, metavar="SECONDS",
                    help="time limit for each check (default: the kata's own, else 10 s)")
    group.addoption("--numkata-memory", type=int, default=None, metavar="MB",
                    help="memory a kata may allocate beyond the grader's own (default 1024 MB)")
    group.addoption("--numkata-jobs", type=int, default=None, metavar="N",
                    help="katas graded side by side in forked processes (default: the number "
                         "of CPUs, at most 4; reports still come in order)")
    group.addoption("--numkata-isolation", choices=("process", "fork", "none"), default=None,
                    help="process (the default; fork is the same): kata code runs only in a "
                         "confined learner process, never in the process that judges it. "
                         "none: UNSAFE, kata code runs inside the judge with no limits - for "
                         "debugging numkata itself; refused when a grading seed is set")
    group.addoption("--numkata-seed", default=None, metavar="VALUE",
                    help="grade with hidden examples: property checks and random inputs are "
                         "drawn from VALUE instead of the public defaults (env NUMKATA_SEED); "
                         "the seed is recorded with each attempt")
    parser.addini("numkata_katas", "kata tree (relative to the rootdir); setting it turns "
                  "numkata on", default="")
    parser.addini("numkata_reference", "solved reference tree (relative to the rootdir)",
                  default="reference")


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config: pytest.Config, parser, args) -> None:
    katas = early_config.getini("numkata_katas")
    if katas:
        guard_kata_tree(early_config.pluginmanager, early_config.rootpath / katas)


def _within(path: Path, directory: Path) -> bool:
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
        if any(_within(plain, d) or _within(real, d) for d in dirs):
            if str(plain) not in ignored:
                ignored.append(str(plain))
            import types

            return types.ModuleType(f"numkata_ignored_conftest_{len(ignored)}")
        return original(conftestpath, *args, **kwargs)

    pluginmanager._importconftest = _importconftest


def ignored_conftests(pluginmanager) -> list[str]:
    return list(getattr(pluginmanager, "_numkata_ignored", ()))


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    katas = config.getini("numkata_katas")
    if not katas:
        return  # not a kata tree: stay out of the way
    # One BLAS thread: katas use small matrices, and a forked grader must not inherit a pool.
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")
    from .session import NumkataPlugin

    from . import fixtures

    from .report import html_hooks

    config.pluginmanager.register(NumkataPlugin(config), "numkata-session")
    config.pluginmanager.register(fixtures, "numkata-fixtures")
    if not config.pluginmanager.is_registered(html_hooks):
        config.pluginmanager.register(html_hooks, "numkata-html")


def default_home(rootpath: Path) -> Path:
    return rootpath / ".numkata"


def resolve_home(config: pytest.Config) -> tuple[Path, bool]:
    """The numkata home and whether the learner named it explicitly."""
    explicit = config.getoption("numkata_home") or os.environ.get("NUMKATA_HOME")
    if explicit:
        return Path(explicit).expanduser().resolve(), True
    return default_home(config.rootpath), False

