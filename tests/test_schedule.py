"""Judges take up the katas that took longest last time first (judge/schedule.py)."""

from __future__ import annotations

import json

from pytest_numkata.judge import schedule
from tests.conftest import ROOT
from tests.test_plugin import FIRST


def _cost(times):
    return lambda job: schedule.cost_of(job, times)


def test_the_longest_kata_goes_first_and_ties_keep_their_order():
    jobs = [["a"], ["b"], ["c"], ["d"], ["a", "c"]]
    times = {"a": 0.1, "b": 0.5, "c": 0.1, "d": 2.0}
    assert schedule.longest_first(jobs, _cost(times)) == [["d"], ["b"], ["a", "c"], ["a"], ["c"]]


def test_a_kata_never_timed_counts_as_an_average_one():
    jobs = [["new"], ["slow"], ["fast"], ["fast", "new"]]
    times = {"slow": 3.0, "fast": 1.0}  # average 2.0: between the two
    assert schedule.longest_first(jobs, _cost(times)) == [["slow"], ["new"], ["fast", "new"],
                                                          ["fast"]]
    assert schedule.longest_first(jobs, _cost({})) == jobs  # no history


def test_small_neighbours_share_a_judge_and_the_rest_get_their_own():
    times = {"a": 0.05, "b": 0.05, "c": 0.5, "d": 0.02, "e": 0.02, "f": 0.07, "g": 0.07,
             "h": 0.07, "i": 0.08}
    limits = {k: 1 if k in "abcd" else 2 for k in times}
    batches = [[k] for k in "abcdefghij"]  # j never timed
    jobs = schedule.share_judges(batches, lambda b: b[0], times, lambda b: limits.get(b[0]))
    assert [[b[0] for b in job] for job in jobs] == [
        ["a", "b"], ["c"],  # c is not small: alone, and it ends a's group
        ["d"], ["e", "f", "g", "h"],  # e's limits differ from d's
        ["i"], ["j"]]  # 0.23 + 0.08 is over GROUP_SECONDS; j was never timed
    many = {str(n): 0.01 for n in range(20)}
    jobs = schedule.share_judges([[k] for k in many], lambda b: b[0], many, lambda b: 1)
    assert [len(job) for job in jobs] == [schedule.GROUP_KATAS] * 2 + [4]


def test_times_are_merged_and_written_whole(tmp_path):
    schedule.save(tmp_path, {"a": 1.0, "b": 2.0}, {"b": 0.25, "c": 0.5})
    assert schedule.load(tmp_path) == {"a": 1.0, "b": 0.25, "c": 0.5}
    assert [p.name for p in tmp_path.iterdir()] == [schedule.FILE_NAME]  # no temporary left
    schedule.save(tmp_path, {}, {})  # nothing measured: the file stays as it was
    assert schedule.load(tmp_path) == {"a": 1.0, "b": 0.25, "c": 0.5}


def test_a_missing_or_damaged_file_is_no_history(tmp_path):
    assert schedule.load(tmp_path) == {}
    assert schedule.load(None) == {}
    path = tmp_path / schedule.FILE_NAME
    for text in ("{not json", "[1, 2]", '"text"'):
        path.write_text(text)
        assert schedule.load(tmp_path) == {}
    path.write_text(json.dumps({"ok": 1.5, "negative": -1, "text": "x", "huge": 1e9, "none": None}))
    assert schedule.load(tmp_path) == {"ok": 1.5}


def test_a_graded_run_records_how_long_each_kata_took(kata_tree):
    kata_tree.copy_tree("katas", [FIRST.id])
    for kata in FIRST.katas:
        kata_tree.write(kata.id, (ROOT / "reference" / kata.relpath).read_text())
    result = kata_tree.run(f"katas/{FIRST.id}")
    assert result.ret == 0
    times = schedule.load(kata_tree.home)
    assert set(times) == {k.id for k in FIRST.katas}
    assert all(0 < t < 60 for t in times.values())


def test_judges_take_up_the_kata_that_took_longest_first(kata_tree, monkeypatch):
    from pytest_numkata.judge import fork_runner

    kata_tree.copy_tree("katas", [FIRST.id])
    for kata in FIRST.katas:
        kata_tree.write(kata.id, (ROOT / "reference" / kata.relpath).read_text())
    last, first = FIRST.katas[-1], FIRST.katas[0]
    schedule.save(kata_tree.home, {}, {last.id: 9.0, first.id: 0.01})
    started: list[str] = []
    original = fork_runner.ForkRunner._start

    def spy(self, items, limits):
        started.append(items[0].nodeid.split("::")[0])
        return original(self, items, limits)

    monkeypatch.setattr(fork_runner.ForkRunner, "_start", spy)
    result = kata_tree.run(f"katas/{FIRST.id}", "--numkata-jobs=2")
    assert result.ret == 0
    assert started[0] == f"katas/{last.id}.py"  # collected last, slowest last time
    assert started[-1] == f"katas/{first.id}.py"  # collected first, fastest last time
    assert sorted(started) == sorted(f"katas/{k.id}.py" for k in FIRST.katas)
