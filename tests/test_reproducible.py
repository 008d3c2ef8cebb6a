"""The same learner code gets the same examples, and so the same verdict, in every kind of run.

Hypothesis seeds each property check from its name (derandomize), but by default it also draws
constants harvested from every "local" module loaded so far: the learner's own file, and with an
editable install every checks module the run happened to import. The examples would then depend
on an unused constant in the learner's file, or on whether one kata or its whole chapter ran.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow  # several pytest processes per test

KATA = "ch01/log_sum_exp"
REFERENCE = (ROOT / "reference" / f"{KATA}.py").read_text()


def _recording_solution(log, extra: str = "") -> str:
    """The reference solution, printing a short digest of every input it is called with (kata
    code may not write files outside its sandbox; its output reaches the report sections)."""
    return REFERENCE + f"""

_solved = log_sum_exp


def log_sum_exp(x):
    import hashlib
    print("NKIN", hashlib.sha1(repr([float(v) for v in x]).encode()).hexdigest()[:10])
    return _solved(x)
{extra}"""


def _inputs(kata_tree, log, *args: str) -> list[str]:
    # a process per run, as a learner runs it (hypothesis keeps state across in-process runs)
    result = kata_tree.pytester.runpytest_subprocess(
        "-p", "no:cacheprovider", f"--numkata-home={kata_tree.home}", "--numkata-unlock-all",
        "-rP", *args)
    assert result.ret == 0, result.stdout.str()
    return re.findall(r"^NKIN (\w+)$", result.stdout.str(), flags=re.MULTILINE)


def test_examples_do_not_depend_on_constants_in_the_learners_file_or_on_what_else_ran(kata_tree):
    kata_tree.copy_tree("katas", ["ch01"])
    log = kata_tree.path / "inputs.log"
    kata_tree.write(KATA, _recording_solution(log))
    alone = _inputs(kata_tree, log, f"katas/{KATA}.py")
    assert len(alone) > 50  # the fixed examples and every property example

    # an unused tuple of odd constants in the learner's file
    kata_tree.write(KATA, _recording_solution(
        log, "\n_UNUSED = (123.456, 777.25, -999.5, 31337.0, 2.5e-7, -4.75e11)\n"))
    assert _inputs(kata_tree, log, f"katas/{KATA}.py") == alone

    # the whole chapter: the other katas' checks modules are loaded too (stubs: not attempted)
    kata_tree.write(KATA, _recording_solution(log))
    assert _inputs(kata_tree, log, "katas/ch01", "-k", "log_sum_exp") == alone

    # every check in one process (as on a system without fork), after other katas' property
    # checks have run in it
    for other in ("stable_softmax", "variance"):
        kata_tree.write(f"ch01/{other}", (ROOT / "reference" / "ch01" / f"{other}.py").read_text())
    assert _inputs(kata_tree, log, "--numkata-isolation=none", "katas/ch01/variance.py",
                   "katas/ch01/stable_softmax.py", f"katas/{KATA}.py") == alone


def test_a_grading_seed_draws_hidden_examples_and_is_recorded(kata_tree):
    """--numkata-seed: other property examples and other random inputs than the public ones,
    the same for the same seed, recorded with the run; refused with isolation=none."""
    import sqlite3

    kata_tree.copy_tree("katas", ["ch01"])
    log = kata_tree.path / "inputs.log"
    kata_tree.write(KATA, _recording_solution(log))
    public = _inputs(kata_tree, log, f"katas/{KATA}.py")
    seeded = _inputs(kata_tree, log, "--numkata-seed=exam-2026", f"katas/{KATA}.py")
    again = _inputs(kata_tree, log, "--numkata-seed=exam-2026", f"katas/{KATA}.py")
    other = _inputs(kata_tree, log, "--numkata-seed=resit", f"katas/{KATA}.py")
    assert seeded == again
    fixed = set(public) & set(seeded)  # the hand-picked examples stay; the drawn ones change
    assert len(set(seeded) - fixed) > 20 and set(seeded) != set(other)
    db = sqlite3.connect(kata_tree.home / "progress.sqlite3")
    seeds = [row[0] for row in db.execute("SELECT grading_seed FROM runs ORDER BY id")]
    assert seeds == [None, "exam-2026", "exam-2026", "resit"]
    refused = kata_tree.pytester.runpytest_subprocess(
        "-p", "no:cacheprovider", f"--numkata-home={kata_tree.home}", "--numkata-unlock-all",
        "--numkata-seed=x", "--numkata-isolation=none", f"katas/{KATA}.py")
    assert refused.ret == 4 and "cannot be used for grading with a seed" in refused.stderr.str()


def test_a_grading_seed_changes_random_inputs_of_checks(kata_tree):
    """Checks that draw inputs with np.random.default_rng(k) get other inputs under a seed."""
    kata_tree.copy_tree("katas", ["ch02"])
    source = (ROOT / "reference" / "ch02" / "condition_number.py").read_text() + """

_solved = condition_number


def condition_number(A):
    import hashlib, numpy as np
    print("NKIN", hashlib.sha1(np.asarray(A, dtype=float).tobytes()).hexdigest()[:10])
    return _solved(A)
"""
    kata_tree.write("ch02/condition_number", source)
    args = ("katas/ch02/condition_number.py", "-k", "random")
    public = _inputs(kata_tree, None, *args)
    seeded = _inputs(kata_tree, None, "--numkata-seed=7", *args)
    assert public and seeded and not set(public) & set(seeded)
