"""Every known-buggy solution in tests/mutants/ is rejected, naming the mistake where it should."""

from __future__ import annotations

import inspect
import importlib.util
from pathlib import Path

import pytest

from pytest_numkata import catalogue
from tests.conftest import MUTANTS, outcomes


def _mutants():
    cases = []
    for path in sorted(MUTANTS.glob("ch*/*.py")):
        kata_id = f"{path.parent.name}/{path.stem}"
        spec = importlib.util.spec_from_file_location(f"mutants_{path.parent.name}_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for name, fn in vars(module).items():
            if inspect.isfunction(fn) and not name.startswith("_") and fn.__module__ == module.__name__:
                cases.append(pytest.param(kata_id, path, name, getattr(fn, "expect", None),
                                          id=f"{kata_id}:{name}"))
    return cases


@pytest.mark.parametrize(("kata_id", "path", "mutant", "expect"), _mutants())
def test_mutant_is_rejected(kata_tree, kata_id, path: Path, mutant, expect):
    kata = catalogue.load().kata(kata_id)
    kata_tree.write_mutant(kata_id, kata.function, path, mutant)
    result = kata_tree.run(f"katas/{kata_id}.py", "--numkata-unlock-all")
    counts = outcomes(result)
    assert result.ret == 1, result.stdout.str()
    assert counts.get("failed", 0) >= 1, counts
    assert "not attempted" not in counts
    if expect:
        assert expect in result.stdout.str(), f"the failure should name the mistake {expect!r}"
