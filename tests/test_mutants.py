"""Every known-buggy solution in tests/mutants/ is rejected, naming the mistake where it should."""

from __future__ import annotations

from pathlib import Path

import pytest

from pytest_numkata import catalogue
from tests.conftest import MUTANTS, outcomes, public_functions, solutions_in


def _mutants():
    return [pytest.param(kata_id, path, name, getattr(getattr(module, name), "expect", None),
                         id=f"{kata_id}:{name}")
            for kata_id, path, module in solutions_in(MUTANTS)
            for name in public_functions(module)]


@pytest.mark.parametrize(("kata_id", "path", "mutant", "expect"), _mutants())
def test_mutant_is_rejected(kata_tree, kata_id, path: Path, mutant, expect):
    kata = catalogue.load().kata(kata_id)
    kata_tree.write_solution(kata_id, kata.function, path, mutant)
    result = kata_tree.run(f"katas/{kata_id}.py", "--numkata-unlock-all")
    counts = outcomes(result)
    assert result.ret == 1, result.stdout.str()
    assert counts.get("failed", 0) >= 1, counts
    assert "not attempted" not in counts
    if expect:
        assert expect in result.stdout.str(), f"the failure should name the mistake {expect!r}"
