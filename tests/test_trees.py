"""The shipped trees: every reference solution passes, every untouched stub is not attempted."""

from __future__ import annotations

import pytest

from tests.conftest import outcomes

from pytest_numkata import catalogue

CHAPTERS = [ch.id for ch in catalogue.load().chapters]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_reference_solution_passes(kata_tree, chapter):
    kata_tree.copy_tree("katas", [chapter])
    kata_tree.copy_tree("reference", [chapter])
    result = kata_tree.run(f"katas/{chapter}", "--numkata-use=reference", "--numkata-unlock-all")
    counts = outcomes(result)
    assert result.ret == 0, result.stdout.str()
    assert counts.get("failed", 0) == 0 and counts.get("passed", 0) > 0


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_untouched_stub_is_not_attempted(kata_tree, chapter):
    kata_tree.copy_tree("katas", [chapter])
    result = kata_tree.run(f"katas/{chapter}", "--numkata-unlock-all")
    counts = outcomes(result)
    assert result.ret == 1
    assert counts == {"not attempted": len(catalogue.load().chapter(chapter).katas)}, counts
    assert "Traceback" not in result.stdout.str()
