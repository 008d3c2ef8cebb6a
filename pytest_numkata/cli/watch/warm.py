"""Warming the watch process up: pytest, NumPy, SciPy, hypothesis, the plugin and every checks
module imported once, so each forked run starts with all of it loaded."""

from __future__ import annotations

import contextlib
import gc
import importlib
import io
import os
from pathlib import Path

from ...catalogue import Catalogue

HEAVY = ("numpy", "scipy", "scipy.linalg", "scipy.sparse", "scipy.integrate", "scipy.special",
         "hypothesis", "hypothesis.strategies", "hypothesis.extra.numpy")


def warm_up(catalogue: Catalogue, *, home: Path, root: Path, directory: Path) -> list[str]:
    """Import everything a run needs inside a pytest session (so the checks get pytest's
    assertion rewriting); the ids of katas whose checks could not be imported."""
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")  # before NumPy: no BLAS thread pool to fork
    os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY", str(home / "hypothesis"))
    import pytest

    failed: list[str] = []

    class Warm:
        def pytest_sessionstart(self, session):
            for module in HEAVY:
                with contextlib.suppress(Exception):
                    importlib.import_module(module)
            for kata in catalogue.katas:
                try:
                    importlib.import_module(kata.checks_module)
                except Exception:  # noqa: BLE001 - a broken checks module fails in its run
                    failed.append(kata.id)

    sink = io.StringIO()
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        pytest.main(["--collect-only", "-q", "-p", "no:cacheprovider",
                     f"--numkata-home={home}", "--numkata-unlock-all",
                     f"--rootdir={root}", str(directory)], plugins=[Warm()])
    # The report each run writes: compile its templates once, here.
    with contextlib.suppress(Exception):
        from ...report import environment

        env = environment()
        for name in env.list_templates():
            env.get_template(name)
    # Everything imported so far lives as long as this process: keep it out of the
    # children's garbage collections (pytest collects several times at exit) and so out
    # of copy-on-write page faults.
    gc.collect()
    gc.freeze()
    return failed
