"""Correct solutions written from the docstring alone pass: "contract, then check".

``tests/alternatives/chNN/<name>.py`` holds other correct solutions of a kata than the
reference - a loop where the reference is vectorised, a SciPy call, pure Python - as public
functions with the kata's signature, and for answer katas a list ``ANSWERS`` of other correct
forms of the answer (a Fraction, an exact expression's value, a list for a tuple). Each one must
pass every check: a check that rejects one demands something its stub does not say.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pytest_numkata import catalogue
from tests.conftest import outcomes, public_functions, solutions_in

ALTERNATIVES = Path(__file__).resolve().parent / "alternatives"


def _cases():
    cases = []
    for kata_id, path, module in solutions_in(ALTERNATIVES):
        cases += [pytest.param(kata_id, path, name, None, id=f"{kata_id}:{name}")
                  for name in public_functions(module)]
        cases += [pytest.param(kata_id, path, None, value, id=f"{kata_id}:answer{index}")
                  for index, value in enumerate(getattr(module, "ANSWERS", ()))]
    return cases


@pytest.mark.parametrize(("kata_id", "path", "function", "value"), _cases())
def test_alternative_solution_passes(kata_tree, kata_id, path: Path, function, value):
    kata = catalogue.load().kata(kata_id)
    if function is not None:
        kata_tree.write_solution(kata_id, kata.function, path, function)
    else:
        kata_tree.write(kata_id, "import math\nfrom fractions import Fraction\n\n"
                                 f"ANSWER = {value!r}\n")
    result = kata_tree.run(f"katas/{kata_id}.py", "--numkata-unlock-all")
    counts = outcomes(result)
    assert result.ret == 0 and counts.get("passed", 0) > 0, result.stdout.str()
