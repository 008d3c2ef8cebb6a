"""``numkata dev check``: a pack's stubs, references, mutants, alternatives, hints and files.

The built-in pack itself is graded by tests/test_trees.py, test_mutants.py and
test_alternatives.py through the same gauntlet; here a small pack with every kind of fault
shows that each one is found, named in the table and turns the exit status to 1.
"""

from __future__ import annotations

import dataclasses
import textwrap
from pathlib import Path

import pytest

from pytest_numkata.authoring import dev_check
from pytest_numkata.authoring.gauntlet import (ALTERNATIVE, MUTANT, REFERENCE, STUB, Graded,
                                               Result, Run, Variant)
from pytest_numkata.cli import app
from pytest_numkata.packs import catalogue
from pytest_numkata.packs.catalogue import Catalogue
from tests.conftest import ROOT, pristine_stub

GOOD, BAD, BARE = "ch01/log_sum_exp", "ch01/stable_softmax", "ch01/variance"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


def faulty_pack(tmp_path: Path) -> dev_check.SourcePack:
    """GOOD is sound; BAD's stub is solved, its reference is the stub, a mutant is correct,
    another is rejected without naming its mistake, its alternative is wrong and a hint is
    empty; BARE has no reference and no mutants."""
    cat = catalogue.load()
    chapters = tuple(
        dataclasses.replace(ch, katas=tuple(
            dataclasses.replace(k, hints=(k.hints[0], "  ")) if k.id == BAD else k
            for k in ch.katas))
        for ch in cat.chapters)
    root = tmp_path / "pack"
    reference = (ROOT / "reference" / f"{BAD}.py").read_text()
    for kata in (GOOD, BAD, BARE):
        _write(root / "stubs" / f"{kata}.py", reference if kata == BAD else pristine_stub(kata))
    _write(root / "reference" / f"{GOOD}.py", (ROOT / "reference" / f"{GOOD}.py").read_text())
    _write(root / "reference" / f"{BAD}.py", pristine_stub(BAD))
    _write(root / "mutants" / f"{GOOD}.py", """\
        import numpy as np


        def naive(x):
            return float(np.log(np.sum(np.exp(x))))


        naive.expect = "overflowed to inf"
        """)
    _write(root / "mutants" / f"{BAD}.py", reference.replace("def softmax(", "def _solved(") + """

def correct(x):
    return _solved(x)


def silent(x):
    import numpy as np

    e = np.exp(np.asarray(x, dtype=float))
    return e / e.sum()


silent.expect = "a mistake no check names"
""")
    _write(root / "alternatives" / f"{GOOD}.py", """\
        def with_scipy(x):
            from scipy.special import logsumexp

            return float(logsumexp(x))
        """)
    _write(root / "alternatives" / f"{BAD}.py", """\
        def forgets_to_normalise(x):
            import numpy as np

            x = np.asarray(x, dtype=float)
            return np.exp(x - x.max())
        """)
    return dev_check.SourcePack("faulty", Catalogue(chapters), root / "stubs",
                                root / "reference", root / "mutants", root / "alternatives")


@pytest.mark.slow
def test_dev_check_finds_every_fault_and_fails(tmp_path, monkeypatch, capsys):
    from pytest_numkata.cli.commands import dev

    pack = faulty_pack(tmp_path)
    monkeypatch.setattr(dev, "find_pack", lambda name: pack)
    status = app.main(["dev", "check", "faulty", "--kata", GOOD, "--kata", BAD, "--kata", BARE,
                       "--color", "no"])
    out = capsys.readouterr().out
    assert status == 1, out
    rows = {line.split()[0]: line for line in out.splitlines() if line.startswith("ch01/")}
    assert rows[GOOD].split()[1:6] == ["ok", "ok", "1/1", "1/1", "-"], out
    bad = rows[BAD]
    assert bad.split()[1:5] == ["FAIL", "FAIL", "0/2", "0/1"], out
    for problem in ("the stub is not \"not attempted\"", "the reference does not pass",
                    "mutant correct is not rejected",
                    "mutant silent is rejected without naming its mistake",
                    "alternative forgets_to_normalise does not pass", "hint 2 is empty"):
        assert problem in bad, out
    assert "no reference ch01/variance.py" in rows[BARE] and "no mutants" in rows[BARE], out
    assert rows[BARE].split()[1:3] == ["ok", "-"], out
    assert "faulty: 2 of 3 katas have problems" in out


def _outcome(verdict, counts, failures=None):
    return Graded(verdict=verdict, counts=counts, failures=failures or {}, run=0)


def test_evaluate_reads_each_kind_of_variant():
    kata = catalogue.load().kata(GOOD)
    variants = [Variant(GOOD, STUB, STUB, ""), Variant(GOOD, REFERENCE, REFERENCE, ""),
                Variant(GOOD, MUTANT, "m1", "", "named"), Variant(GOOD, MUTANT, "m2", "", "named"),
                Variant(GOOD, MUTANT, "m3", ""), Variant(GOOD, ALTERNATIVE, "a1", "")]
    result = Result(runs=[Run("stubs", 1, "", 0.0)], outcomes={
        f"{GOOD}:stub": _outcome("not_attempted", {"not attempted": 1}),
        f"{GOOD}:reference": _outcome("passed", {"passed": 8}),
        f"{GOOD}:m1": _outcome("failed", {"passed": 3, "failed": 5}, {"c": "the named mistake"}),
        f"{GOOD}:m2": _outcome("failed", {"failed": 1}, {"c": "something else"}),
        f"{GOOD}:m3": _outcome("passed", {"passed": 8}),
        f"{GOOD}:a1": _outcome("failed", {"passed": 7, "failed": 1}, {"c": "wrong\nmore"}),
    })
    check = dev_check.evaluate("p", [kata], variants, result)
    row = check.katas[0]
    assert (row.stub, row.reference, row.mutants, row.alternatives) == ("ok", "ok", [1, 3],
                                                                        [0, 1])
    assert row.problems == [
        "mutant m2 is rejected without naming its mistake 'named'",
        "mutant m3 is not rejected (8 passed)",
        "alternative a1 does not pass (1 failed, 7 passed): c: wrong"]
    assert not check.ok
    table = dev_check.table(check)
    assert table.splitlines()[0].split() == list(dev_check.HEADERS)
    assert "1/3" in table and "0/1" in table and "p: 1 of 1 katas have problems" in table


def test_a_broken_run_is_a_problem_of_the_pack():
    result = Result(runs=[Run("stubs", 4, "ERROR: usage\n", 0.1, ["collection failed"])])
    check = dev_check.evaluate("p", [], [], result)
    assert not check.ok
    assert check.problems == ["stubs: collection failed",
                              "stubs: pytest exited with status 4: ERROR: usage"]


def test_selected_katas_and_chapters():
    cat = catalogue.load()
    assert [k.id for k in dev_check.selected(cat, ["ch01/variance.py", "ch00/"])] == \
        [k.id for k in cat.chapter("ch00").katas] + ["ch01/variance"]
    with pytest.raises(KeyError):
        dev_check.selected(cat, ["ch01/nope"])


def test_dev_check_of_an_unknown_pack_is_one_line(capsys):
    assert app.main(["dev", "check", "nope"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "nope" in err


def test_a_checks_package_that_does_not_exist_is_a_problem_not_a_crash(tmp_path):
    pack = faulty_pack(tmp_path)
    cat = pack.catalogue
    kata = dataclasses.replace(cat.kata(GOOD), checks_package="no_such_pack_here.checks")
    _, _, problems = dev_check.variants_of(pack, [kata], cat)
    assert problems[GOOD] == ["no checks module no_such_pack_here.checks.ch01.log_sum_exp"]
