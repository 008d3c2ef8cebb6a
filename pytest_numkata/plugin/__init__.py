"""numkata's pytest entry point (``pytest11``): its options, and one plugin object per concern.

This folder is the pytest glue. This module is imported on every pytest run, inside a kata
tree or not, so it imports nothing but pytest until a hook finds a kata tree - a rootdir whose
ini file sets ``numkata_katas``. Inside one, ``pytest_cmdline_main`` first hands the run over
to a resident warm server if one is running (``warm_start/resident.py``: the run is graded
there, as it would be here, only without loading everything again); otherwise
``pytest_configure`` reads the options once (``options.py``: ``Options``) and registers:

- ``judge.kata_tree.KataTreePlugin`` - what is collected under the kata tree;
- ``chapter_lock.py``: ``ChapterLockPlugin`` - checks of locked chapters are not run;
- ``judge.grading.GradingPlugin`` - running the checks (only in a process that grades:
  not an xdist controller, not ``--collect-only``);
- ``recording.py``: ``RecordingPlugin`` - verdicts into the progress store, the report, and
  the end-of-run summary (``summary.py``: its lines);
- ``report.html_hooks.HtmlHooks`` - numkata's columns and summary in pytest-html's report.

``judge``, ``report``, ``progress`` and ``packs`` are the package's folders beside this one;
the workspace (root, home, trees) and the environment a run needs come from
``pytest_numkata/workspace.py``.

Outside a kata tree numkata does nothing at all.
"""

from __future__ import annotations

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
        from ..judge.conftest_guard import guard_kata_tree

        guard_kata_tree(early_config.pluginmanager, early_config.rootpath / katas)


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config: pytest.Config) -> int | None:
    """In a kata tree, a ``pytest`` run hands itself over to a resident warm server when one is
    running (``warm_start/resident.py``): the server runs it, on this terminal, and its exit
    status is this run's. Otherwise it runs here, cold."""
    if not config.getini("numkata_katas"):
        return None
    from ..warm_start import resident

    return resident.take_over(config)


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    """Inside a kata tree, register one plugin object per concern (see the module docstring);
    outside one, nothing."""
    if not config.getini("numkata_katas"):
        return  # not a kata tree: stay out of the way
    from .. import workspace

    try:
        ws = workspace.for_config(config)
        ws.check_home()
    except workspace.WorkspaceError as exc:
        raise pytest.UsageError(str(exc)) from None
    ws.prepare_environment()  # before NumPy and hypothesis are imported
    from .. import packs
    from ..judge import fixtures
    from ..judge.examples import register_hypothesis_profiles
    from ..judge.kata_tree import KataTreePlugin
    from ..packs.catalogue import CatalogueError
    from ..report.html_hooks import HOOKS_PLUGIN, HtmlHooks
    from .chapter_lock import ChapterLockPlugin
    from .options import OPTIONS, Options
    from .recording import RecordingPlugin

    options = Options.from_config(config, ws)
    config.stash[OPTIONS] = options
    register_hypothesis_profiles(config)
    try:
        cat = packs.catalogue_for(options.katas_dir)  # the installed packs this tree holds
    except (packs.PackError, CatalogueError) as exc:
        raise pytest.UsageError(str(exc)) from exc
    manager = config.pluginmanager
    tree = KataTreePlugin(config, options, cat)
    lock = ChapterLockPlugin(config, options, cat)
    manager.register(tree, "numkata-kata-tree")
    manager.register(lock, "numkata-chapter-lock")
    if not options.is_controller and not options.collect_only:
        from ..judge.grading import GradingPlugin

        manager.register(GradingPlugin(config, options), "numkata-grading")
    manager.register(RecordingPlugin(config, options, cat, lock, tree), "numkata-session")
    manager.register(fixtures, "numkata-fixtures")
    if manager.get_plugin(HOOKS_PLUGIN) is None:
        manager.register(HtmlHooks(config), HOOKS_PLUGIN)
