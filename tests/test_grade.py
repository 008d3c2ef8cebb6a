"""``numkata grade`` end to end on a synthetic class graded once on an embedded Dask
LocalCluster (--jobs 2): the gradebook, every output file, re-running, bad command lines."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
from pathlib import Path

import pytest

from pytest_numkata.classroom import command as grade_command
from pytest_numkata.classroom.gradebook import Gradebook

from .classroom_helpers import KATAS, build_class, numkata, reference

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = tmp_path_factory.mktemp("class")
    subs, out = root / "submissions", root / "out"
    verdicts, status, facts = build_class(subs)
    result = numkata("grade", str(subs), "--out", str(out), "--chapters", "ch00-ch01",
                     "--jobs", "2")
    assert result.returncode == 0, result.stdout + result.stderr
    return {"subs": subs, "out": out, "verdicts": verdicts, "status": status, "facts": facts,
            "result": result}


def grades_of(out: Path) -> dict[str, dict[str, dict]]:
    with Gradebook(out) as book:
        rows = book.grades()
    table: dict[str, dict[str, dict]] = {}
    for row in rows:
        table.setdefault(row["learner"], {})[row["kata"]] = row
    return table


def learners_of(out: Path) -> dict[str, dict]:
    with Gradebook(out) as book:
        return {row["learner"]: row for row in book.learners()}


# ---------------------------------------------------------------------------- the gradebook
def test_every_verdict_is_the_expected_one(graded):
    table = grades_of(graded["out"])
    assert set(table) == set(graded["verdicts"])
    wrong = {(learner, kata): (table[learner][kata]["verdict"], want)
             for learner, expected in graded["verdicts"].items()
             for kata, want in expected.items() if table[learner][kata]["verdict"] != want}
    assert not wrong, wrong


def test_learner_rows_say_what_happened(graded):
    learners = learners_of(graded["out"])
    assert {k: v["status"] for k, v in learners.items()} == graded["status"]
    assert "not a readable zip" in learners["mo"]["note"]
    assert "no kata files" in learners["nat"]["note"]
    assert "all ignored" in learners["oz"]["note"]
    assert all("symbolic link" in line for line in learners["oz"]["ignored"])
    for name, row in learners.items():
        assert row["katas_total"] == len(KATAS)
        assert row["mastered"] == sum(v == "mastered" for v in graded["verdicts"][name].values())
        assert row["attempts"] == 1 and row["numkata_version"] and row["sandbox"]


def test_gradebook_is_sqlite_with_checks_hashes_and_mistakes(graded):
    conn = sqlite3.connect(graded["out"] / "gradebook.sqlite3")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM grades").fetchone()[0] == \
        len(graded["verdicts"]) * len(KATAS)
    conn.close()
    table = grades_of(graded["out"])
    import hashlib

    assert table["ada"]["ch01/log_sum_exp"]["sha256"] == \
        hashlib.sha256(reference("ch01/log_sum_exp")).hexdigest()
    for learner, rows in table.items():
        for kata, row in rows.items():
            if row["verdict"] == "mastered":
                assert 0 < row["checks_passed"] == row["checks_total"], (learner, kata)
                assert row["duration"] > 0, (learner, kata)
            elif row["verdict"] == "failing":
                assert row["failures"] and row["checks_passed"] < row["checks_total"]
            elif row["verdict"] == "missing":
                assert row["sha256"] is None
            elif row["verdict"] == "unreadable":
                assert row["sha256"] and row["failures"]
    for learner, katas in graded["facts"]["mistakes"].items():
        for kata in katas:
            assert table[learner][kata]["mistakes"], (learner, kata)
    assert "does not parse" in table["ivy"]["ch01/variance"]["failures"][0]["message"]
    assert "not UTF-8" in table["ivy"]["ch00/fp32_max"]["failures"][0]["message"]


def test_ignored_files_are_named(graded):
    learners = learners_of(graded["out"])
    for name, paths in graded["facts"]["ignored"].items():
        ignored = "\n".join(learners[name]["ignored"])
        for path in paths:
            assert path in ignored, (name, path, ignored)
    assert "2.0 GB" in "\n".join(learners["kim"]["ignored"])
    with Gradebook(graded["out"]) as book:
        assert {e for e, _ in book.skipped()} == graded["facts"]["skipped"]
    assert not (graded["out"].parent / "evil.py").exists()


# ---------------------------------------------------------------------------- the exports
def test_grades_csv(graded):
    with open(graded["out"] / "grades.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["learner", *KATAS, "mastered", "ch00", "ch01", "note"]
    body = {r[0]: r for r in rows[1:]}
    assert set(body) == set(graded["verdicts"])
    for name, expected in graded["verdicts"].items():
        row = body[name]
        assert row[1:1 + len(KATAS)] == [expected[k] for k in KATAS]
        mastered = [k for k in KATAS if expected[k] == "mastered"]
        assert row[1 + len(KATAS)] == str(len(mastered))
        assert row[2 + len(KATAS)] == str(sum(k.startswith("ch00/") for k in mastered))
    assert "bad submission" in body["mo"][-1]


def test_lms_csv(graded):
    with open(graded["out"] / "lms.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    by = {r["learner"]: r for r in rows}
    assert by["ada"]["score"] == str(len(KATAS)) and by["ada"]["max_score"] == str(len(KATAS))
    assert by["bo"]["score"] == "0" and by["fay"]["score"] == str(len(KATAS) - 1)
    assert by["mo"]["status"] == "bad submission"


def test_gradescope_results(graded):
    folder = graded["out"] / "gradescope"
    assert {p.stem for p in folder.glob("*.json")} == set(graded["verdicts"])
    data = json.loads((folder / "hal.json").read_text())
    assert data["max_score"] == len(KATAS) and data["score"] == len(KATAS) - 3
    assert len(data["tests"]) == len(KATAS)
    for test in data["tests"]:
        assert {"name", "score", "max_score", "status", "output"} <= set(test)
        assert test["status"] in ("passed", "failed")
    softmax = next(t for t in data["tests"] if t["number"] == "ch01/stable_softmax")
    assert softmax["status"] == "failed" and "likely mistake" in softmax["output"]


def test_feedback_pages(graded):
    folder = graded["out"] / "feedback"
    assert {p.stem for p in folder.glob("*.html")} == set(graded["verdicts"])
    page = (folder / "kim.html").read_text()
    assert "<script" not in page.lower()
    assert "Feedback for kim" in page and "conftest.py" in page and "missing" in page
    assert "--mastered" in page  # the mastery report's stylesheet
    hal = (folder / "hal.html").read_text()
    assert "likely mistake" in hal and "failing" in hal
    import html5lib

    html5lib.HTMLParser(strict=True).parse(hal)
    assert "not a readable zip" in (folder / "mo.html").read_text()


def test_class_report(graded):
    page = (graded["out"] / "class-report.html").read_text()
    assert "<script" not in page.lower() and "http://" not in page and "https://" not in page
    import html5lib

    html5lib.HTMLParser(strict=True).parse(page)
    for heading in ("Mastery distribution", "Chapters", "Katas", "Checks that fail most",
                    "Named mistakes", "Learners who stopped early", "Identical files",
                    "Submissions with a problem"):
        assert heading in page, heading
    assert "notes.txt" in page and "not a readable zip" in page


def test_class_report_figures(graded):
    from pytest_numkata.classroom import class_report, exports
    from pytest_numkata.packs import catalogue

    out = graded["out"]
    with Gradebook(out) as book:
        learners, grades = exports.class_table(book, list(graded["verdicts"]), KATAS)
    ctx = class_report.class_context(learners, grades, catalogue.load(), KATAS,
                                     ["ch00", "ch01"], [])
    lse = next(k for k in ctx["katas"] if k["id"] == "ch01/log_sum_exp")
    expected = graded["verdicts"]
    assert lse["mastered"] == sum(v["ch01/log_sum_exp"] == "mastered" for v in expected.values())
    groups = {(i["kata"], tuple(i["learners"])) for i in ctx["identical"]}
    assert graded["facts"]["identical"] <= groups
    assert not any(i["kata"] == "ch00/machine_epsilon" for i in ctx["identical"])  # a number
    assert {s["learner"] for s in ctx["stopped"]} == graded["facts"]["stopped"]
    overflow = [m for m in ctx["mistakes"] if "ch01/log_sum_exp" in m["katas"]]
    assert overflow and {"fay", "gus"} <= set(overflow[0]["learners"])
    assert sum(b["count"] for b in ctx["distribution"]) == len(expected)
    top = ctx["checks"][0]
    assert top["count"] >= 2 and top["kata"] == "ch01/log_sum_exp"


def test_progress_lines_when_not_a_terminal(graded):
    out = graded["result"].stdout
    assert "\r" not in out
    assert f"[{len(graded['verdicts'])}/{len(graded['verdicts'])}]" in out
    assert "skipped notes.txt" in out


# ---------------------------------------------------------------------------- re-running
def test_rerun_grades_only_what_changed(graded):
    subs, out = graded["subs"], graded["out"]
    before = learners_of(out)
    result = numkata("grade", str(subs), "--out", str(out), "--chapters", "ch00-ch01",
                     "--in-process")
    assert result.returncode == 0, result.stderr
    assert "0 to grade" in result.stdout
    assert learners_of(out) == before
    (subs / "bo" / "katas" / "ch00" / "fp32_max.py").write_bytes(reference("ch00/fp32_max"))
    result = numkata("grade", str(subs), "--out", str(out), "--chapters", "ch00-ch01",
                     "--in-process")
    assert result.returncode == 0, result.stderr
    assert "1 to grade" in result.stdout and "[1/1] bo:" in result.stdout
    after = learners_of(out)
    assert after["bo"]["attempts"] == 2 and after["bo"]["mastered"] == 1
    assert {k: v for k, v in after.items() if k != "bo"} == \
        {k: v for k, v in before.items() if k != "bo"}
    assert grades_of(out)["bo"]["ch00/fp32_max"]["verdict"] == "mastered"


# ---------------------------------------------------------------------------- bad input
@pytest.mark.parametrize(("args", "message"), [
    (["{missing}", "--out", "{out}"], "does not exist"),
    (["{subs}", "--out", "{file}"], "is not a folder"),
    (["{file}", "--out", "{out}"], "is not a folder"),
    (["{subs}", "--out", "{out}", "--chapters", "ch00-ch99"], "unknown chapter 'ch99'"),
    (["{subs}", "--out", "{out}", "--chapters", "ch03-ch01"], "runs backwards"),
    (["{subs}", "--out", "{out}", "--jobs", "0"], "--jobs must be at least 1"),
    (["{subs}", "--out", "{out}", "--timeout-per-submission", "0"], "must be positive"),
    (["{subs}", "--out", "{out}", "--scheduler", "localhost"], "tcp://HOST:8786"),
    (["{subs}", "--out", "{out}", "--connect-timeout", "0"], "--connect-timeout must be"),
    (["{subs}", "--out", "{out}", "--connect-timeout", "soon"], "invalid float value"),
    (["{subs}", "--out", "{subs}/inside"], "must not be inside SUBMISSIONS"),
])
def test_bad_command_line(tmp_path, args, message):
    subs = tmp_path / "subs"
    subs.mkdir()
    (tmp_path / "a-file").write_text("x")
    names = {"missing": tmp_path / "nope", "out": tmp_path / "out", "file": tmp_path / "a-file",
             "subs": subs}
    result = numkata("grade", *[a.format(**names) for a in args], timeout=60)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("numkata grade: ") and message in lines[0]
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("value", ["-1", "-0.5", "nan", "inf"])
def test_connect_timeout_must_be_a_positive_number(tmp_path, value):
    import argparse

    parser = argparse.ArgumentParser()
    grade_command.add_arguments(parser)
    (tmp_path / "subs").mkdir()
    args = parser.parse_args([str(tmp_path / "subs"), "--out", str(tmp_path / "out"),
                              f"--connect-timeout={value}"])
    with pytest.raises(grade_command.UsageError, match="--connect-timeout must be a positive"):
        grade_command._check(args)
    args.connect_timeout = 2.5
    assert grade_command._check(args)[0] == tmp_path / "subs"


def test_unreachable_scheduler(tmp_path):
    from .classroom_helpers import free_port, write_tree

    subs = tmp_path / "subs"
    write_tree(subs / "ada", {"ch00/fp32_max": reference("ch00/fp32_max")})
    port = free_port()
    # a teacher's --connect-timeout is how long the scheduler is waited for (default 10 s)
    result = numkata("grade", str(subs), "--out", str(tmp_path / "out"), "--scheduler",
                     f"tcp://127.0.0.1:{port}", "--chapters", "ch00", "--connect-timeout",
                     "0.5", timeout=120)
    assert result.returncode == 1
    assert f"cannot reach the Dask scheduler at tcp://127.0.0.1:{port}" in result.stderr
    assert "after 0.5 s" in result.stderr
    assert "Traceback" not in result.stderr


def test_gradebook_that_is_not_a_database(tmp_path):
    (tmp_path / "subs").mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "gradebook.sqlite3").write_bytes(b"not a database at all" * 100)
    result = numkata("grade", str(tmp_path / "subs"), "--out", str(tmp_path / "out"),
                     timeout=60)
    assert result.returncode == 1 and "not a usable gradebook" in result.stderr


def test_chapters_option():
    from pytest_numkata.packs import catalogue

    cat = catalogue.load()
    assert grade_command.parse_chapters("ch00-ch02", cat) == ["ch00", "ch01", "ch02"]
    assert grade_command.parse_chapters("ch03,ch00", cat) == ["ch00", "ch03"]
    assert grade_command.parse_chapters(None, cat) == [c.id for c in cat.chapters]


def test_progress_bar_on_a_terminal():
    import io

    class Tty(io.StringIO):
        def isatty(self):
            return True

    stream = Tty()
    progress = grade_command.Progress(2, stream)
    if not progress.tty:  # TERM=dumb
        pytest.skip("TERM=dumb")
    progress.update("ada", "13/13 mastered", False)
    progress.update("bo", "bad", True)
    text = stream.getvalue()
    assert text.count("\r") == 2 and "2/2 learners, 1 with problems" in text and "ETA" in text


def test_dask_is_not_imported_on_the_pytest_path():
    import subprocess
    import sys

    code = ("import sys, pytest_numkata.plugin, pytest_numkata.cli.app as c; c.build_parser(); "
            "import pytest_numkata.classroom.command; "
            "print(any(m.split('.')[0] in ('dask', 'distributed') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    assert out.stdout.strip() == "False", out.stderr


def test_csv_cells_are_not_formulas():
    from pytest_numkata.classroom.exports import _csv

    assert _csv([["=HYPERLINK(1)", "-1", 3]]) == "'=HYPERLINK(1),'-1,3\r\n"


def test_without_distributed_the_message_says_what_to_install(monkeypatch):
    import sys

    from pytest_numkata.classroom import scheduling

    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(scheduling.SchedulerError, match=r'numkata\[class\].*--in-process'):
        scheduling._import_distributed()
