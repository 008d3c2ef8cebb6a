"""Judges take up the katas that took longest last time first (judge/schedule.py)."""

from __future__ import annotations

import json

from pytest_numkata.judge import schedule
from tests.conftest import ROOT
from tests.test_plugin import FIRST


def test_the_longest_kata_goes_first_and_ties_keep_their_order():
    batches = [["a"], ["b"], ["c"], ["d"]]
    times = {"a": 0.1, "b": 0.5, "c": 0.1, "d": 2.0}
    assert schedule.longest_first(batches, lambda b: b[0], times) == [["d"], ["b"], ["a"], ["c"]]


def test_a_kata_never_timed_counts_as_an_average_one():
    batches = [["new"], ["slow"], ["fast"]]
    times = {"slow": 3.0, "fast": 1.0}  # average 2.0: between the two
    assert schedule.longest_first(batches, lambda b: b[0], times) == [["slow"], ["new"], ["fast"]]
    assert schedule.longest_first(batches, lambda b: b[0], {}) == batches  # no history


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
