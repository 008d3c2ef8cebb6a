"""Every known-buggy solution in tests/mutants/ is rejected, naming the mistake where it should.

The mutants are graded by the real judge in rounds (``graded_mutants``: all the first mutants
of every kata in one pytest run, then all the second ones, ...); each test reads its own
kata's verdict, pytest's counts for it and the failure texts a learner would read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pytest_numkata.progress.outcomes import Outcome
from tests.conftest import MUTANTS, public_functions, solutions_in

pytestmark = pytest.mark.slow  # grades every mutant: minutes of the judge's own work


def _mutants():
    return [pytest.param(kata_id, path, name, getattr(getattr(module, name), "expect", None),
                         id=f"{kata_id}:{name}")
            for kata_id, path, module in solutions_in(MUTANTS)
            for name in public_functions(module)]


@pytest.mark.parametrize(("kata_id", "path", "mutant", "expect"), _mutants())
def test_mutant_is_rejected(graded_mutants, kata_id, path: Path, mutant, expect):
    outcome = graded_mutants.outcome(f"{kata_id}:{mutant}")
    run = graded_mutants.run_of(f"{kata_id}:{mutant}")
    counts = outcome.counts
    assert run.exit_code == 1 and outcome.verdict == Outcome.FAILED, \
        outcome.text() or run.output
    assert counts.get("failed", 0) >= 1, counts
    assert "not attempted" not in counts
    if expect:
        assert expect in outcome.text(), f"the failure should name the mistake {expect!r}"
