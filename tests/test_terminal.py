"""What a run says at the end: what it changed, what it could not decide, where to go next."""

from __future__ import annotations

import re

from pytest_numkata.packs import catalogue
from tests.conftest import ROOT

CAT = catalogue.load()
CH00 = CAT.chapter("ch00")


def _solve(kata_tree, kata_id: str) -> None:
    kata_tree.write(kata_id, (ROOT / "reference" / f"{kata_id}.py").read_text())


def test_a_partial_run_says_it_cannot_master_the_kata(kata_tree):
    _solve(kata_tree, "ch00/decode_float")
    result = kata_tree.run("katas/ch00/decode_float.py", "-k", "examples or subnormals")
    out = result.stdout.str()
    assert result.ret == 0
    assert re.search(r"ch00/decode_float: 2 of \d+ checks ran - run the whole kata to master "
                     r"it", out), out
    assert "newly mastered" not in out


def test_checks_run_in_catalogue_order(kata_tree):
    kata_tree.copy_tree("reference", ["ch00"], into="katas")
    result = kata_tree.run("katas/ch00", "-v")
    lines = [line.split("::")[0] for line in result.stdout.lines if "::" in line and "PASSED" in line]
    files = list(dict.fromkeys(lines))
    assert files == [f"katas/{k.relpath}" for k in CH00.katas], files


def test_mastering_and_regressing_are_announced(kata_tree):
    _solve(kata_tree, "ch00/fp32_max")
    first = kata_tree.run("katas/ch00/fp32_max.py").stdout.str()
    assert "newly mastered: ch00/fp32_max - well done" in first
    again = kata_tree.run("katas/ch00/fp32_max.py").stdout.str()
    assert "newly mastered" not in again
    kata_tree.write("ch00/fp32_max", "ANSWER = 1.0\n")
    broken = kata_tree.run("katas/ch00/fp32_max.py").stdout.str()
    assert "regressed: ch00/fp32_max passed before and fails now" in broken
    kata_tree.copy_tree("reference", ["ch00"], into="katas")
    done = kata_tree.run("katas/ch00").stdout.str()
    assert "passing again: ch00/fp32_max" in done
    assert "ch01 Catastrophic cancellation is open now" in done


def test_one_mistake_in_every_check_is_shown_once(kata_tree):
    kata_tree.write("ch01/log_sum_exp", "def log_sum_exp(x):\n    raise ValueError('nope')\n")
    result = kata_tree.run("katas/ch01/log_sum_exp.py", "--numkata-unlock-all")
    out = result.stdout.str()
    failures = out.split("short test summary info")[0]  # with CI set, pytest's summary repeats
    assert failures.count("raised ValueError: nope") == 1, out
    assert "failed the same way as matches_small_examples (shown above)" in out
    assert "ch01/log_sum_exp: matches_small_examples failed, and" in out
    assert "more checks failed the same way" in out


def test_the_locked_message_is_printed_once_and_paths_start_where_pytest_did(kata_tree,
                                                                           monkeypatch):
    kata_tree.copy_tree("katas", ["ch00", "ch01"])
    monkeypatch.chdir(kata_tree.path / "katas" / "ch01")
    result = kata_tree.run(".")
    out = result.stdout.str()
    assert out.count("ch01 locked - master ch00 first") == 1, out
    assert "next: ch00/fp32_max (Derive, easy) - pytest ../ch00/fp32_max.py" in out


def test_a_path_that_does_not_exist_gets_a_suggestion(kata_tree):
    kata_tree.copy_tree("katas", ["ch00"])
    for given, suggestion in (("ch00", "katas/ch00"), ("katas/ch0", "katas/ch00"),
                              ("katas/ch00/fp32max.py", "katas/ch00/fp32_max.py")):
        result = kata_tree.run(given)
        assert result.ret == 4
        assert f"{given} not found - did you mean {suggestion}?" in result.stderr.str()


def test_bad_options_say_which_option_is_wrong(kata_tree, tmp_path):
    kata_tree.copy_tree("katas", ["ch00"])
    bad = kata_tree.run("katas/ch00", "--numkata-timeout", "-1")
    assert bad.ret == 4 and "--numkata-timeout must be a positive" in bad.stderr.str()
    home_file = tmp_path / "home.txt"
    home_file.write_text("")
    as_file = kata_tree.pytester.runpytest("-p", "no:cacheprovider",
                                           f"--numkata-home={home_file}", "katas/ch00")
    assert as_file.ret == 4 and "is a file, not a directory" in as_file.stderr.str()
    profile = kata_tree.run("katas/ch00", "--hypothesis-profile", "nope")
    assert profile.ret == 4 and "INTERNALERROR" not in profile.stdout.str()
    assert "--hypothesis-profile nope: no such profile" in profile.stderr.str()
