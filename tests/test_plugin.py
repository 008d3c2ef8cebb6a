"""The plugin end to end, with pytester: collection, locking, progress, isolation, exit codes."""

from __future__ import annotations

import json
import sqlite3

import pytest

from pytest_numkata.packs import catalogue
from pytest_numkata.progress.store import ProgressStore
from tests.conftest import ROOT, outcomes

CAT = catalogue.load()
FIRST, SECOND = CAT.chapters[0], CAT.chapters[1]


def _solve_chapter(tree, chapter) -> None:
    """Put the reference solutions of a chapter in the learner's tree."""
    for kata in chapter.katas:
        tree.write(kata.id, (ROOT / "reference" / kata.relpath).read_text())


def test_untouched_chapter_is_not_attempted_one_line_each(kata_tree):
    kata_tree.copy_tree("katas", [FIRST.id])
    result = kata_tree.run(f"katas/{FIRST.id}")
    assert result.ret == 1
    assert outcomes(result) == {"not attempted": len(FIRST.katas)}
    out = result.stdout.str()
    for kata in FIRST.katas:
        assert out.count(f"{kata.id} ({kata.type}): not attempted") == 1
    assert "Traceback" not in out and "FAILURES" not in out


def test_locked_chapter_runs_nothing_and_says_what_is_left(kata_tree):
    kata_tree.copy_tree("katas", [FIRST.id, SECOND.id])
    result = kata_tree.run(f"katas/{SECOND.id}")
    assert result.ret != 0
    total = len(FIRST.katas)
    result.stdout.fnmatch_lines([f"*{SECOND.id} locked - master {FIRST.id} first: {total} of {total} katas left*"])
    assert "passed" not in outcomes(result) and "failed" not in outcomes(result)


def test_mastering_a_chapter_unlocks_the_next_and_progress_persists(kata_tree):
    kata_tree.copy_tree("katas", [FIRST.id, SECOND.id])
    _solve_chapter(kata_tree, FIRST)
    first = kata_tree.run(f"katas/{FIRST.id}")
    assert first.ret == 0, first.stdout.str()
    first.stdout.fnmatch_lines([f"{FIRST.id} *: {len(FIRST.katas)}/{len(FIRST.katas)} mastered*"])
    second = kata_tree.run(f"katas/{SECOND.id}")
    assert f"{SECOND.id} locked" not in second.stdout.str()
    assert outcomes(second) == {"not attempted": len(SECOND.katas)}
    with ProgressStore(kata_tree.home) as store:
        states = store.states()
    assert all(states[k.id].mastered for k in FIRST.katas)


def test_a_mastered_kata_that_fails_later_is_regressed_and_the_next_chapter_stays_open(kata_tree):
    kata_tree.copy_tree("katas", [FIRST.id, SECOND.id])
    _solve_chapter(kata_tree, FIRST)
    assert kata_tree.run(f"katas/{FIRST.id}").ret == 0
    victim = FIRST.katas[0]
    kata_tree.write(victim.id, "ANSWER = 12345.0\n" if victim.answers_by_constant else
                    f"def {victim.function}(*args, **kwargs):\n    return 12345.0\n")
    result = kata_tree.run(f"katas/{FIRST.id}")
    assert result.ret == 1
    result.stdout.fnmatch_lines(["*1 regressed*"])
    again = kata_tree.run(f"katas/{SECOND.id}")
    assert f"{SECOND.id} locked" not in again.stdout.str()


def test_one_kata_can_be_attempted_alone(kata_tree):
    kata_tree.copy_tree("katas", [FIRST.id])
    kata = FIRST.katas[0]
    kata_tree.write(kata.id, (ROOT / "reference" / kata.relpath).read_text())
    result = kata_tree.run(f"katas/{kata.id}.py", "-v")
    assert result.ret == 0
    assert all(line.startswith(f"katas/{kata.id}.py::") for line in result.outlines if " PASSED" in line)


def test_a_syntax_error_fails_only_its_kata(kata_tree):
    kata_tree.copy_tree("katas", [FIRST.id])
    _solve_chapter(kata_tree, FIRST)
    broken = FIRST.katas[-1]
    kata_tree.write(broken.id, "def oops(:\n    pass\n")
    result = kata_tree.run(f"katas/{FIRST.id}")
    out = result.stdout.str()
    assert result.ret == 1
    assert "Interrupted" not in out and "error during collection" not in out
    assert "SyntaxError" in out and "line 1" in out
    counts = outcomes(result)
    assert counts.get("failed") == 1 and counts.get("passed", 0) > 0


@pytest.mark.parametrize("body, words", [
    ("import numpy_that_does_not_exist\n", "ModuleNotFoundError"),
    ("x = undefined_name + 1\n", "NameError"),
    ("import sys\nsys.exit(3)\n", "must not end the program"),
])
def test_an_import_time_error_fails_its_kata_once_and_skips_the_rest(kata_tree, body, words):
    kata = next(k for k in CAT.katas if k.type == "Build")
    kata_tree.write(kata.id, body + f"def {kata.function}(*a, **k):\n    return 0\n")
    result = kata_tree.run(f"katas/{kata.id}.py", "--numkata-unlock-all")
    counts = outcomes(result)
    assert result.ret == 1
    assert counts["failed"] == 1, counts
    assert words in result.stdout.str()
    assert "line 1" in result.stdout.str() or "line 2" in result.stdout.str()


def test_collect_only_never_runs_learner_code(kata_tree):
    kata = next(k for k in CAT.katas if k.type == "Build")
    marker = kata_tree.path / "ran.txt"
    kata_tree.write(kata.id, f"open({str(marker)!r}, 'w').write('ran')\n"
                             f"def {kata.function}(*a, **k):\n    return 0\n")
    result = kata_tree.run("--collect-only", "-q", "katas", "--numkata-unlock-all")
    assert result.ret == 0
    assert not marker.exists()
    assert any(line.startswith(f"katas/{kata.id}.py::") for line in result.outlines)


def test_keyword_selection_and_exitfirst_behave_as_usual(kata_tree):
    kata_tree.copy_tree("katas", [FIRST.id])
    _solve_chapter(kata_tree, FIRST)
    kata = FIRST.katas[0]
    result = kata_tree.run(f"katas/{FIRST.id}", "-k", kata.name)
    counts = outcomes(result)
    assert result.ret == 0 and counts.get("deselected", 0) > 0
    broken = FIRST.katas[0]
    kata_tree.write(broken.id, "ANSWER = -1.0\n" if broken.answers_by_constant else
                    f"def {broken.function}(*a, **k):\n    return -1.0\n")
    result = kata_tree.run(f"katas/{FIRST.id}", "-x")
    assert result.ret == 1 and outcomes(result)["failed"] == 1


def test_a_partial_run_records_no_verdict(kata_tree):
    kata_tree.copy_tree("katas", [SECOND.id])
    code_kata = next(k for k in SECOND.katas if k.type == "Build")
    kata_tree.write(code_kata.id, (ROOT / "reference" / code_kata.relpath).read_text())
    import importlib
    import inspect

    checks = importlib.import_module(code_kata.checks_module)
    first_check = next(n for n, f in vars(checks).items()
                       if inspect.isfunction(f) and not n.startswith("_") and f.__module__ == checks.__name__)
    result = kata_tree.run(f"katas/{code_kata.id}.py", "--numkata-unlock-all", "-k", first_check)
    assert result.ret == 0
    with ProgressStore(kata_tree.home) as store:
        assert code_kata.id not in store.states()


def test_running_from_inside_a_chapter_is_the_same(kata_tree, monkeypatch):
    kata_tree.copy_tree("katas", [FIRST.id])
    monkeypatch.chdir(kata_tree.path / "katas" / FIRST.id)
    result = kata_tree.pytester.runpytest("-p", "no:cacheprovider", f"--numkata-home={kata_tree.home}")
    assert outcomes(result) == {"not attempted": len(FIRST.katas)}
    assert f"rootdir: {kata_tree.path}" in result.stdout.str()


def test_default_home_is_under_the_rootdir(kata_tree):
    kata_tree.copy_tree("katas", [FIRST.id])
    result = kata_tree.pytester.runpytest("-p", "no:cacheprovider", f"katas/{FIRST.id}")
    assert result.ret == 1
    assert (kata_tree.path / ".numkata" / "progress.sqlite3").exists()
    assert not (kata_tree.path / ".hypothesis").exists()


def test_a_missing_explicit_home_is_a_usage_error(kata_tree):
    kata_tree.copy_tree("katas", [FIRST.id])
    result = kata_tree.pytester.runpytest(f"--numkata-home={kata_tree.path / 'nope'}", "katas")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert "does not exist" in result.stderr.str()


def test_reference_runs_record_nothing(kata_tree):
    kata_tree.copy_tree("katas", [FIRST.id])
    kata_tree.copy_tree("reference", [FIRST.id])
    result = kata_tree.run(f"katas/{FIRST.id}", "--numkata-use=reference")
    assert result.ret == 0
    assert "progress not recorded" in result.stdout.str()
    with ProgressStore(kata_tree.home) as store:
        assert store.states() == {}


def test_outside_a_kata_tree_the_plugin_is_inert(pytester):
    pytester.makepyfile(test_plain="def test_ok():\n    assert True\n")
    result = pytester.runpytest("-p", "no:cacheprovider", "-W", "ignore::pytest.PytestAssertRewriteWarning")
    assert result.ret == 0
    assert "numkata" not in result.stdout.str().replace("numkata-", "")
    assert not (pytester.path / ".numkata").exists()


def test_the_plugin_can_be_disabled(kata_tree):
    kata_tree.copy_tree("katas", [FIRST.id])
    result = kata_tree.pytester.runpytest("-p", "no:numkata", "-p", "no:cacheprovider", f"katas/{FIRST.id}")
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED
    assert not (kata_tree.path / ".numkata").exists()


def test_options_are_documented_in_help(pytester):
    result = pytester.runpytest("--help")
    out = result.stdout.str()
    assert "numkata" in out
    for option in ("--numkata-unlock-all", "--numkata-use", "--numkata-home"):
        assert option in out


def test_every_attempt_is_recorded_with_its_failures(kata_tree):
    kata = next(k for k in CAT.katas if k.type == "Build")
    kata_tree.write(kata.id, f"def {kata.function}(*a, **k):\n    return None\n")
    kata_tree.run(f"katas/{kata.id}.py", "--numkata-unlock-all")
    db = sqlite3.connect(kata_tree.home / "progress.sqlite3")
    rows = db.execute("SELECT kata, outcome, checks_failed, failures FROM attempts").fetchall()
    assert len(rows) == 1
    assert rows[0][0] == kata.id and rows[0][1] == "failed" and rows[0][2] > 0
    failures = json.loads(rows[0][3])
    assert failures and all(f["check"] and f["message"] for f in failures)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


@pytest.mark.slow  # pytest-xdist workers in a pytest process
def test_xdist_records_each_attempt_once(kata_tree):
    pytest.importorskip("xdist")
    kata_tree.copy_tree("katas", [FIRST.id])
    _solve_chapter(kata_tree, FIRST)
    result = kata_tree.pytester.runpytest_subprocess(
        "-p", "no:cacheprovider", f"--numkata-home={kata_tree.home}", "-n", "2", f"katas/{FIRST.id}")
    assert result.ret == 0, result.stdout.str()
    with ProgressStore(kata_tree.home) as store:
        attempts = store.attempts()
    assert sorted(a["kata"] for a in attempts) == sorted(k.id for k in FIRST.katas)
    assert all(a["outcome"] == "passed" for a in attempts)


@pytest.mark.slow  # pytest processes
@pytest.mark.parametrize("autoload", [True, False])
def test_root_conftest_registers_the_plugin_once(kata_tree, autoload):
    """With the entry point (autoload) the conftest does nothing; without it, it registers."""
    import os
    import subprocess
    import sys

    kata_tree.copy_tree("katas", [FIRST.id])
    (kata_tree.path / "conftest.py").write_text((ROOT / "conftest.py").read_text())
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    if not autoload:
        env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", f"--numkata-home={kata_tree.home}",
         f"katas/{FIRST.id}"], cwd=kata_tree.path, capture_output=True, text=True, env=env,
        timeout=240)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{len(FIRST.katas)} not attempted" in result.stdout
    assert "already registered" not in result.stderr


def test_a_file_that_is_not_a_kata_is_a_clear_usage_error(kata_tree):
    kata_tree.copy_tree("katas", [FIRST.id])
    kata_tree.write(f"{FIRST.id}/scratch", "raise SystemExit('must never run')\n")
    result = kata_tree.run(f"katas/{FIRST.id}/scratch.py")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert "is not a numkata kata" in result.stderr.str()
    assert "Traceback" not in result.stdout.str() + result.stderr.str()
    # inside a chapter directory the scratch file is simply not a kata
    result = kata_tree.run(f"katas/{FIRST.id}")
    assert outcomes(result) == {"not attempted": len(FIRST.katas)}


def test_an_unknown_chapter_is_a_clear_error(kata_tree):
    kata_tree.copy_tree("katas", [FIRST.id])
    result = kata_tree.run("katas/ch99")
    assert result.ret != 0
    assert "not found" in result.stderr.str() and "Traceback" not in result.stderr.str()


def test_limits_without_isolation_conflict(kata_tree):
    kata_tree.copy_tree("katas", [FIRST.id])
    result = kata_tree.run(f"katas/{FIRST.id}", "--numkata-isolation=none", "--numkata-timeout=3")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert "cannot be combined" in result.stderr.str()


def test_the_report_is_written_after_each_recorded_run_unless_asked_not_to(kata_tree):
    kata_tree.copy_tree("katas", [FIRST.id])
    result = kata_tree.run(f"katas/{FIRST.id}")
    assert (kata_tree.home / "report.html").exists() and (kata_tree.home / "results.json").exists()
    assert f"report: {(kata_tree.home / 'report.html').as_uri()}" in result.stdout.str()
    (kata_tree.home / "report.html").unlink()
    kata_tree.run(f"katas/{FIRST.id}", "--numkata-report=-")
    assert not (kata_tree.home / "report.html").exists()
    custom = kata_tree.path / "mine.html"
    kata_tree.run(f"katas/{FIRST.id}", f"--numkata-report={custom}")
    assert custom.exists() and (kata_tree.path / "results.json").exists()
