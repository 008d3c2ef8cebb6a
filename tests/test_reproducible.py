"""The same learner code gets the same examples, and so the same verdict, in every kind of run.

Hypothesis seeds each property check from its name (derandomize), but by default it also draws
constants harvested from every "local" module loaded so far: the learner's own file, and with an
editable install every checks module the run happened to import. The examples would then depend
on an unused constant in the learner's file, or on whether one kata or its whole chapter ran.
"""

from __future__ import annotations

from tests.conftest import ROOT

KATA = "ch01/log_sum_exp"
REFERENCE = (ROOT / "reference" / f"{KATA}.py").read_text()


def _recording_solution(log, extra: str = "") -> str:
    """The reference solution, writing every input it is called with to ``log``."""
    return REFERENCE + f"""

_solved = log_sum_exp


def log_sum_exp(x):
    with open({str(log)!r}, "a") as f:
        f.write(repr([float(v) for v in x]) + "\\n")
    return _solved(x)
{extra}"""


def _inputs(kata_tree, log, *args: str) -> list[str]:
    # a process per run, as a learner runs it (hypothesis keeps state across in-process runs)
    log.unlink(missing_ok=True)
    result = kata_tree.pytester.runpytest_subprocess(
        "-p", "no:cacheprovider", f"--numkata-home={kata_tree.home}", "--numkata-unlock-all",
        *args)
    assert result.ret == 0, result.stdout.str()
    return log.read_text().splitlines()


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
