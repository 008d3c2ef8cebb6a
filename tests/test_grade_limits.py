"""Learners whose code hangs, forks or fills memory: their rows say what happened, nothing they
started outlives the grading, and the rest of the class is graded."""

from __future__ import annotations

import time

import pytest

from pytest_numkata.classroom import grade_one as grade_one_mod
from pytest_numkata.classroom.gradebook import Gradebook

from .classroom_helpers import numkata, reference, write_tree

pytestmark = pytest.mark.slow


def test_hanging_forking_and_memory_filling_katas(tmp_path):
    subs, out = tmp_path / "subs", tmp_path / "out"
    pids = tmp_path / "pids"
    pids.mkdir()
    ch00 = {k: reference(k) for k in ("ch00/fp32_max", "ch00/machine_epsilon")}
    # tries to fork children that would sleep for five minutes, then answers correctly: the
    # learner process may not start processes, so the kata fails at import, kindly
    forker = dict(ch00)
    forker["ch00/fp32_max"] = (
        "import os, time\n"
        "for _ in range(5):\n"
        "    if os.fork() == 0:\n"
        f"        open(os.path.join({str(pids)!r}, str(os.getpid())), 'w').close()\n"
        "        time.sleep(300)\n"
        "        os._exit(0)\n"
        ).encode() + reference("ch00/fp32_max")
    write_tree(subs / "forker", forker)
    # allocates 8 GB at import
    hog = dict(ch00)
    hog["ch00/machine_epsilon"] = b"_hog = bytearray(8 * 1024 ** 3)\nANSWER = 2 ** -23\n"
    write_tree(subs / "hog", hog)
    write_tree(subs / "fine", ch00)
    result = numkata("grade", str(subs), "--out", str(out), "--chapters", "ch00", "--jobs", "2",
                     "--timeout-per-submission", "120")
    assert result.returncode == 0, result.stdout + result.stderr
    with Gradebook(out) as book:
        grades = {(g["learner"], g["kata"]): g for g in book.grades()}
        learners = {le["learner"]: le for le in book.learners()}
    assert all(le["status"] == "graded" for le in learners.values()), learners
    assert grades[("fine", "ch00/fp32_max")]["verdict"] == "mastered"
    forked = grades[("forker", "ch00/fp32_max")]
    assert forked["verdict"] == "failing"
    assert "PermissionError" in forked["failures"][0]["message"], forked["failures"]
    hog_row = grades[("hog", "ch00/machine_epsilon")]
    assert hog_row["verdict"] == "failing"
    assert "memory" in hog_row["failures"][0]["message"].lower(), hog_row["failures"]
    assert grades[("hog", "ch00/fp32_max")]["verdict"] == "mastered"
    assert list(pids.iterdir()) == [], "no child of the forking kata may ever start"


def test_a_submission_that_takes_too_long_is_timed_out(tmp_path):
    """Katas that finished before the limit keep their verdicts; the others are timed out."""
    subs, out = tmp_path / "subs", tmp_path / "out"
    sleepers = ["ch01/relative_error", "ch01/lse_by_hand", "ch01/variance", "ch01/digits_lost"]
    files = {"ch00/fp32_max": reference("ch00/fp32_max"),
             "ch00/machine_epsilon": reference("ch00/machine_epsilon")}
    files.update({k: b"import time\ntime.sleep(600)\nANSWER = 1\n" for k in sleepers})
    write_tree(subs / "sleeper", files)
    started = time.monotonic()
    result = numkata("grade", str(subs), "--out", str(out), "--chapters", "ch00-ch01",
                     "--in-process", "--timeout-per-submission", "10")
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 90
    with Gradebook(out) as book:
        learner = book.learners()[0]
        grades = {g["kata"]: g["verdict"] for g in book.grades()}
    assert learner["status"] == "timed out" and "stopped after 10" in learner["note"]
    assert grades["ch00/fp32_max"] == grades["ch00/machine_epsilon"] == "mastered"
    assert grades["ch00/decode_float"] == "missing"
    # four katas that each hang until the judge's 10 s check limit: the submission's 10 s
    # (the two ch00 katas take about 3 s of it, more on a busy machine) runs out before any
    # can finish (failing)
    assert all(grades[k] in ("failing", "timed out") for k in sleepers), grades
    assert sum(grades[k] == "timed out" for k in sleepers) >= 2, grades


def test_seed_is_passed_to_the_judge(monkeypatch, tmp_path):
    seen = {}

    class Stop(Exception):
        pass

    def fake_popen(cmd, **kwargs):
        seen["cmd"] = cmd
        raise Stop

    monkeypatch.setattr(grade_one_mod.subprocess, "Popen", fake_popen)
    task = {"learner": "x", "files": {"ch00/fp32_max": reference("ch00/fp32_max")},
            "katas": ["ch00/fp32_max"], "seed": "1234", "timeout": 5}
    with pytest.raises(Stop):
        grade_one_mod.grade_one(task)
    cmd = seen["cmd"]
    assert cmd[cmd.index("--numkata-seed") + 1] == "1234"
    assert "--numkata-unlock-all" in cmd and "no:cacheprovider" in cmd


@pytest.mark.parametrize("caller", [{}, {"PYTHONDONTWRITEBYTECODE": "1"},
                                    {"PYTHONPYCACHEPREFIX": "/somewhere/pycache"}])
def test_the_grading_run_keeps_the_callers_bytecode_cache_settings(monkeypatch, caller):
    """With the cache on (Python's default), pytest's rewrite of hypothesis is cached by the
    first learner's run instead of being redone in each one (about 1 s a learner)."""
    seen = {}

    class Stop(Exception):
        pass

    def fake_popen(cmd, **kwargs):
        seen["env"] = kwargs["env"]
        raise Stop

    for name in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX"):
        monkeypatch.delenv(name, raising=False)
    for name, value in caller.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(grade_one_mod.subprocess, "Popen", fake_popen)
    task = {"learner": "x", "files": {"ch00/fp32_max": reference("ch00/fp32_max")},
            "katas": ["ch00/fp32_max"], "timeout": 5}
    with pytest.raises(Stop):
        grade_one_mod.grade_one(task)
    assert {k: v for k, v in seen["env"].items()
            if k in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")} == caller


def test_seeded_grading_end_to_end(tmp_path):
    """Needs the judge's --numkata-seed option."""
    subs, out = tmp_path / "subs", tmp_path / "out"
    write_tree(subs / "ada", {"ch00/decode_float": reference("ch00/decode_float")})
    result = numkata("grade", str(subs), "--out", str(out), "--chapters", "ch00",
                     "--in-process", "--seed", "20261130")
    assert result.returncode == 0, result.stderr
    with Gradebook(out) as book:
        learner = book.learners()[0]
        row = next(g for g in book.grades() if g["kata"] == "ch00/decode_float")
    assert learner["seed"] == "20261130" and row["seed"] == "20261130"
    assert learner["status"] == "graded", learner["note"]
    assert row["verdict"] == "mastered", row["failures"]


def test_readable():
    assert grade_one_mod.readable(b"ANSWER = 1\n") is None
    assert "does not parse" in grade_one_mod.readable(b"def f(:\n")
    assert "not UTF-8" in grade_one_mod.readable(b"\xff\xfe\x00")
    assert "does not parse" in grade_one_mod.readable(b"ANSWER = 1\x00\n")


def test_mistakes_in():
    text = "bad\n  likely mistake: exp overflowed to inf - shift\nmore"
    assert grade_one_mod.mistakes_in(text) == ["exp overflowed to inf - shift"]


@pytest.mark.skipif(not __import__("os").path.exists("/proc/self/stat"), reason="no /proc")
def test_the_members_of_a_session_are_found_to_be_killed():
    import subprocess
    import sys

    leader = subprocess.Popen(
        [sys.executable, "-c",
         "import subprocess, sys, time\n"
         "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
         "print(child.pid, flush=True)\n"
         "time.sleep(60)\n"],
        stdout=subprocess.PIPE, text=True, start_new_session=True)
    try:
        child = int(leader.stdout.readline())
        members = grade_one_mod._session_members(leader.pid)
        assert members == [child]  # the leader itself is not listed; nothing outside is
    finally:
        import os
        import signal

        os.killpg(leader.pid, signal.SIGKILL)
        leader.wait()
