"""A batch graded on this machine forks its learners' runs from one warm server
(pytest_numkata/classroom/warm_grading.py): no learner's run starts cold, the gradebook is the
one cold runs give, and kata code cannot reach the server."""

from __future__ import annotations

import argparse
import subprocess
import tempfile
import types

import pytest

from pytest_numkata.classroom import command as grade_command
from pytest_numkata.classroom import grade_one as grade_one_mod
from pytest_numkata.classroom import warm_grading
from pytest_numkata.classroom.gradebook import Gradebook
from pytest_numkata.warm_start.fork_server import ForkServer

from .classroom_helpers import all_reference, mutant, write_tree
from tests.conftest import reach_the_server_kata

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(warm_grading.why_cold(warm_grading.WARM_FROM_LEARNERS) is not None,
                       reason="no warm grading on this system"),
]

REACH_THE_SERVER = reach_the_server_kata("numkata-grade-", "the grading server")


def _grade(subs, out, *extra: str) -> int:
    parser = argparse.ArgumentParser()
    grade_command.add_arguments(parser)
    return grade_command.run(parser.parse_args([str(subs), "--out", str(out), "--chapters",
                                                "ch00", "--in-process", *extra]))


def _book(out) -> dict:
    with Gradebook(out) as book:
        return {(g["learner"], g["kata"]): (g["verdict"], g["checks_passed"], g["checks_total"],
                                            g["mistakes"]) for g in book.grades()}


def test_a_batch_forks_every_run_from_one_server_and_grades_as_cold_runs(tmp_path,
                                                                          monkeypatch):
    subs = tmp_path / "subs"
    ch00 = all_reference(("ch00",))
    write_tree(subs / "ada", ch00)
    write_tree(subs / "fay", {**ch00, "ch00/decode_float":
                              mutant("ch00/decode_float", "implicit_one_in_subnormals")})
    write_tree(subs / "eve", {**ch00, "ch00/fp32_max": REACH_THE_SERVER.encode()})

    # warm: no learner's run may start as a process of its own, and each is forked
    cold = types.SimpleNamespace(**vars(subprocess))

    def no_cold_start(*args, **kwargs):
        raise AssertionError("a learner's run started cold")

    cold.Popen = no_cold_start
    monkeypatch.setattr(grade_one_mod, "subprocess", cold)
    spawned = []
    spawn = ForkServer.spawn

    def counted(self, args, **kwargs):
        spawned.append(args)
        return spawn(self, args, **kwargs)

    monkeypatch.setattr(ForkServer, "spawn", counted)
    assert _grade(subs, tmp_path / "warm") == 0
    assert len(spawned) == 3 and all(a[:2] == ["-m", "pytest"] for a in spawned)
    monkeypatch.undo()

    warm = _book(tmp_path / "warm")
    assert {k: v[0] for k, v in warm.items() if v[0] != "mastered"} == {
        ("fay", "ch00/decode_float"): "failing", ("eve", "ch00/fp32_max"): "failing"}
    assert warm[("fay", "ch00/decode_float")][3], "the mutant's mistake is named"
    with Gradebook(tmp_path / "warm") as book:
        reach = [g for g in book.grades("eve") if g["kata"] == "ch00/fp32_max"][0]
    message = " ".join(f["message"] for f in reach["failures"])
    assert "learner tried the grading server" in message, message
    assert "CONNECTED" not in message
    assert "refused: PermissionError 1" in message  # Landlock's scope, not a missing socket

    spawned.clear()
    monkeypatch.setattr(ForkServer, "spawn", counted)
    assert _grade(subs, tmp_path / "cold", "--cold") == 0  # the same batch, every run cold
    assert spawned == []
    assert _book(tmp_path / "cold") == warm


def test_when_runs_start_cold():
    w = warm_grading.WARM_FROM_LEARNERS
    assert warm_grading.why_cold(w) is None
    assert "fewer than" in warm_grading.why_cold(w - 1)
    assert "--cold" in warm_grading.why_cold(50, cold=True)
    assert warm_grading.why_cold(2 * w, workers=2) is None  # each worker checks its system
    assert "per worker" in warm_grading.why_cold(2 * w - 1, workers=2)
    assert "--cold" in warm_grading.why_cold(50, workers=2, cold=True)


@pytest.mark.parametrize("start", ["cold", "warm"])
def test_stop_running_ends_the_runs_under_way(start, tmp_path):
    """What an interrupted batch on the embedded cluster calls (scheduling.dask_client): the
    learner's run under way ends at once, whether it started cold or was forked."""
    import contextlib
    import threading
    import time

    from pytest_numkata.warm_start.preload import HEAVY

    files = {"ch00/fp32_max": b"import time\ntime.sleep(600)\nANSWER = 1.0\n"}
    task = {"learner": "hal", "files": files, "katas": list(files), "seed": None,
            "judge_jobs": 1, "timeout": 600, "warm": start == "warm"}
    batch = (warm_grading.batch(env=grade_one_mod.environment(str(tmp_path)),
                                modules=list(HEAVY)) if start == "warm"
             else contextlib.nullcontext())
    results = []
    with batch:
        thread = threading.Thread(target=lambda: results.append(grade_one_mod.grade_one(task)))
        thread.start()
        deadline = time.monotonic() + 60
        while not grade_one_mod._RUNNING and time.monotonic() < deadline:
            time.sleep(0.02)
        (run,) = list(grade_one_mod._RUNNING)
        assert hasattr(run, "close") == (start == "warm")  # a WarmRun, or a Popen
        time.sleep(1.0)  # under way: the kata is sleeping in its learner process
        stopped = time.monotonic()
        grade_one_mod.stop_running()
        thread.join(30)
    assert not thread.is_alive() and time.monotonic() - stopped < 10
    assert run.returncode is not None and not grade_one_mod._RUNNING
    assert results[0]["katas"]["ch00/fp32_max"]["verdict"] != "mastered"


def test_a_forked_run_past_the_submissions_limit_is_stopped_and_timed_out(monkeypatch):
    """The wall-clock limit holds for a forked run as for a cold one: the run is killed (its
    watcher then reports its end), the kata that finished keeps its verdict, the hanging one
    is "timed out"."""
    import time

    from pytest_numkata.warm_start.preload import HEAVY

    from .classroom_helpers import reference

    files = {"ch00/fp32_max": reference("ch00/fp32_max"),
             "ch00/machine_epsilon": b"import time\ntime.sleep(600)\nANSWER = 1.0\n"}
    task = {"learner": "sy", "files": files, "katas": list(files), "seed": None,
            "judge_jobs": 1, "timeout": 6, "warm": True}
    runs = []
    spawn = ForkServer.spawn

    def kept(self, args, **kwargs):
        runs.append(spawn(self, args, **kwargs))
        return runs[-1]

    monkeypatch.setattr(ForkServer, "spawn", kept)
    with warm_grading.batch(env=grade_one_mod.environment(tempfile.gettempdir()), modules=list(HEAVY)):
        started = time.monotonic()
        result = grade_one_mod.grade_one(task)
        assert time.monotonic() - started < 30
    assert len(runs) == 1 and runs[0].returncode is not None  # forked, and ended
    assert result["status"] == "timed out" and "stopped after 6" in result["note"]
    assert result["katas"]["ch00/fp32_max"]["verdict"] == "mastered"
    assert result["katas"]["ch00/machine_epsilon"]["verdict"] == "timed out"
