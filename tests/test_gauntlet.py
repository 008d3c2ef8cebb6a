"""The gauntlet's plan and data: which variants share a pytest run, how a solution becomes a
kata file, and a result that survives its trip through JSON (between xdist workers)."""

from __future__ import annotations

import textwrap
from fractions import Fraction

from pytest_numkata.authoring import gauntlet
from pytest_numkata.authoring.gauntlet import (ALTERNATIVE, MUTANT, REFERENCE, STUB, Graded,
                                               Result, Run, Source, Variant)
from pytest_numkata.packs import catalogue


def test_a_run_holds_one_variant_per_kata_and_kinds_never_mix():
    variants = ([Variant(k, MUTANT, f"m{i}", "") for k in ("a/x", "a/y") for i in range(3)]
                + [Variant("a/y", MUTANT, "m3", "")]
                + [Variant(k, ALTERNATIVE, "alt", "") for k in ("a/x", "a/z")]
                + [Variant(k, STUB, STUB, "") for k in ("a/x", "a/y")]
                + [Variant("a/x", REFERENCE, REFERENCE, "")])
    plan = gauntlet.rounds(variants, stubs={"a/x": "stub"})
    assert [r.label for r in plan] == ["stubs", "references", "mutants 1", "mutants 2",
                                       "mutants 3", "mutants 4", "alternatives 1"]
    for round_ in plan:
        katas = [v.kata for v in round_.variants]
        assert len(katas) == len(set(katas))
        assert len({v.kind for v in round_.variants}) == 1
    assert [v.name for v in plan[2].variants] == ["m0", "m0"]
    assert [v.key for v in plan[5].variants] == ["a/y:m3"]
    assert plan[1].use_reference and plan[1].stubs == {"a/x": "stub"}
    assert not plan[0].use_reference and plan[0].stubs == {}
    assert sorted(v.key for r in plan for v in r.variants) == sorted(v.key for v in variants)


def test_solutions_become_kata_files_as_a_learner_would_write_them(tmp_path):
    mutants = tmp_path / "mutants" / "ch01"
    mutants.mkdir(parents=True)
    (mutants / "log_sum_exp.py").write_text(textwrap.dedent("""\
        import math


        def _helper(x):
            return x


        def naive(x):
            return math.log(sum(math.exp(v) for v in x))


        naive.expect = "overflowed to inf"


        def other(x):
            return 0.0
        """))
    alternatives = tmp_path / "alternatives" / "ch00"
    alternatives.mkdir(parents=True)
    (alternatives / "fp32_max.py").write_text(
        "from pytest_numkata.authoring.gauntlet import Source\n\n"
        "ANSWERS = [Source('(2 - 2 ** -23) * 2 ** 127'), 3]\n")
    cat = catalogue.load()
    found = gauntlet.mutants_in(tmp_path / "mutants", cat)
    assert [(v.key, v.expect) for v in found] == [("ch01/log_sum_exp:naive", "overflowed to inf"),
                                                  ("ch01/log_sum_exp:other", None)]
    assert found[0].source == (mutants / "log_sum_exp.py").read_text() + \
        "\n\nlog_sum_exp = naive\n"
    answers = gauntlet.alternatives_in(tmp_path / "alternatives", cat)
    assert [v.key for v in answers] == ["ch00/fp32_max:answer0", "ch00/fp32_max:answer1"]
    assert answers[0].source == ("import math\nfrom fractions import Fraction\n\n"
                                 "ANSWER = (2 - 2 ** -23) * 2 ** 127\n")
    assert gauntlet.answer_source(Fraction(1, 3)).endswith("ANSWER = Fraction(1, 3)\n")
    assert repr(Source("2 ** 8")) == "2 ** 8"
    assert gauntlet.mutants_in(tmp_path / "mutants", cat, only={"ch02/x"}) == []


def test_a_result_survives_json():
    result = Result(outcomes={"a/x:m": Graded("failed", {"failed": 2}, {"c": "why"}, 0, 1.5)},
                    runs=[Run("mutants 1", 1, "out", 2.0, ["collect"])])
    again = Result.from_json(result.to_json())
    assert again == result
    assert again.run_of("a/x:m").label == "mutants 1"
    assert again.outcome("a/x:m").text() == "c: why"
