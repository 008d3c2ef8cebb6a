"""Warming the watch process up, so each forked run starts with everything loaded.

In two steps, so the first verdict does not wait for all of it:

- ``warm_first``: starts the learners' zygote (``sandbox.process``), and a pytest session
  (``--collect-only`` of the current kata) that loads pytest's plugins - numkata, hypothesis,
  pytest-html... the bulk of a cold start - and imports the checks of the current kata's
  chapter under pytest's assertion rewriting. The first kata is graded right after it.
- ``warm_rest``: after the first verdict, while the learner reads it, a second session imports
  NumPy, SciPy, hypothesis's strategies and every other checks module, every property check's
  strategies draw a few examples (``judge.examples.warm_strategies``), the report's templates
  are compiled, and everything loaded is frozen out of the garbage collector's view.
"""

from __future__ import annotations

import contextlib
import gc
import sys
from collections.abc import Iterable

from ...packs.catalogue import Catalogue
from ...warm_start.preload import HEAVY, session
from ...workspace import Workspace

def _session(modules: Iterable[str], ws: Workspace, paths: list[str]) -> list[str]:
    """Import ``modules`` inside a ``--collect-only`` pytest session of ``paths``."""
    return session(modules, ws.root, [*ws.pytest_args(), "--numkata-unlock-all", *paths])


def warm_first(catalogue: Catalogue, ws: Workspace, *, paths: list[str],
               chapters: Iterable[str]) -> list[str]:
    """Load pytest and its plugins, and the checks of ``chapters``; the ids of katas whose
    checks could not be imported."""
    ws.prepare_environment()  # before NumPy: no BLAS thread pool to fork
    from ...sandbox import process

    # The learners' zygote, started here once, loads NumPy while this session loads pytest;
    # every run (a forked child of this process) then forks its learners from it.
    process.start_zygote()
    chapters = set(chapters)
    katas = [k for k in catalogue.katas if k.chapter in chapters]
    failed = _session([k.checks_module for k in katas], ws, paths)
    return [k.id for k in katas if k.checks_module in failed]


def warm_rest(catalogue: Catalogue, ws: Workspace, *, paths: list[str]) -> list[str]:
    """Everything else a run may need; the ids of katas whose checks could not be imported."""
    ws.prepare_environment()
    todo = [k for k in catalogue.katas if k.checks_module not in sys.modules]
    failed = set(_session([*HEAVY, *(k.checks_module for k in todo)], ws, paths))
    # The report each run writes: compile its templates once, here.
    with contextlib.suppress(Exception):
        from ...report import load_templates

        load_templates()
    # Hypothesis's first property test in a process sets up what later ones reuse, and each
    # property check's strategies are built on their first draw: once here, rather than in
    # every run's judge.
    with contextlib.suppress(Exception):
        from ...judge.examples import warm_strategies, warm_up

        warm_up()
        warm_strategies([k.checks_module for k in catalogue.katas])
    # Everything imported so far lives as long as this process: keep it out of the
    # children's garbage collections (pytest collects several times at exit) and so out
    # of copy-on-write page faults.
    gc.collect()
    gc.freeze()
    return [k.id for k in todo if k.checks_module in failed]

