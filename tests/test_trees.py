"""The shipped trees: every reference solution passes, every untouched stub is not attempted.

All stubs are graded in one pytest run and all references in another (``graded_trees``); each
test reads its chapter's katas from them.
"""

from __future__ import annotations

import pytest

from pytest_numkata.authoring.gauntlet import REFERENCE, STUB
from pytest_numkata.packs import catalogue

pytestmark = pytest.mark.slow  # grades every stub and every reference

CHAPTERS = [ch.id for ch in catalogue.load().chapters]


def _chapter(graded, chapter: str, kind: str):
    """(pytest's counts over the chapter's katas, the runs that graded them, their texts)."""
    counts: dict[str, int] = {}
    runs, texts = [], []
    for kata in catalogue.load().chapter(chapter).katas:
        outcome = graded.outcome(f"{kata.id}:{kind}")
        for name, n in outcome.counts.items():
            counts[name] = counts.get(name, 0) + n
        runs.append(graded.runs[outcome.run])
        texts.append(outcome.text())
    return counts, runs, "\n".join(texts)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_reference_solution_passes(graded_trees, chapter):
    counts, runs, texts = _chapter(graded_trees, chapter, REFERENCE)
    assert all(run.exit_code in (0, 1) and not run.unattributed for run in runs), runs[0].output
    assert not counts.get("error") and counts.get("failed", 0) == 0, texts
    assert counts.get("passed", 0) > 0


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_untouched_stub_is_not_attempted(graded_trees, chapter):
    counts, runs, texts = _chapter(graded_trees, chapter, STUB)
    assert all(run.exit_code == 1 for run in runs)
    assert counts == {"not attempted": len(catalogue.load().chapter(chapter).katas)}, counts
    assert "Traceback" not in texts and all("Traceback" not in run.output for run in runs)
