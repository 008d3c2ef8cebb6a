"""Correct solutions written from the docstring alone pass: "contract, then check".

``tests/alternatives/chNN/<name>.py`` holds other correct solutions of a kata than the
reference - a loop where the reference is vectorised, a SciPy call, pure Python - as public
functions with the kata's signature, and for answer katas a list ``ANSWERS`` of other correct
forms of the answer (a Fraction, an exact expression's value, a list for a tuple). Each one must
pass every check: a check that rejects one demands something its stub does not say.

They are graded by the real judge in rounds (``graded_alternatives``), one variant of each kata
per pytest run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pytest_numkata.progress.outcomes import Outcome
from tests.conftest import ALTERNATIVES, public_functions, solutions_in

pytestmark = pytest.mark.slow  # grades every alternative: minutes of the judge's own work


def _cases():
    cases = []
    for kata_id, path, module in solutions_in(ALTERNATIVES):
        cases += [pytest.param(kata_id, path, name, None, id=f"{kata_id}:{name}")
                  for name in public_functions(module)]
        cases += [pytest.param(kata_id, path, None, value, id=f"{kata_id}:answer{index}")
                  for index, value in enumerate(getattr(module, "ANSWERS", ()))]
    return cases


@pytest.mark.parametrize(("kata_id", "path", "function", "value"), _cases())
def test_alternative_solution_passes(graded_alternatives, request, kata_id, path: Path,
                                     function, value):
    key = request.node.callspec.id  # kata:function or kata:answerN, as the gauntlet names it
    outcome = graded_alternatives.outcome(key)
    counts = outcome.counts
    assert outcome.verdict == Outcome.PASSED and not counts.get("failed") and not counts.get("error") \
        and counts.get("passed", 0) > 0, outcome.text() or graded_alternatives.run_of(key).output

