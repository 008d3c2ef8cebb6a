"""When a judge process itself fails - dies in a check or while loading, runs out of its own
time, or sends something that is not a report - the check or kata it was on fails with
numkata's own message (never a pass, never blamed on the learner's code), the kata's other
checks and the other katas are still graded, and the run completes (judge/fork_runner.py).

The faults are planted in the hidden checks of chapter 0 for one inline pytester run; the
judge processes are forked from the test process, so they inherit them. Each test runs twice:
every kata with a judge of its own, and all of chapter 0 sharing one judge (as small katas do,
``judge/schedule.py``), where the katas after the faulty one must be graded afresh."""

from __future__ import annotations

import importlib
import json
import os
import signal
import time

import pytest

from pytest_numkata.judge import fork_runner, schedule
from pytest_numkata.plugin.options import Options
from pytest_numkata.sandbox.limits import Limits
from pytest_numkata.progress.store import ProgressStore
from tests.conftest import ROOT
from tests.test_plugin import FIRST

pytestmark = pytest.mark.slow  # kill tests: judge processes killed, timed out, garbled

VICTIM = "ch00/format_choice"  # five checks
VICTIM_CHECK = "master_weights_format"  # its third
BYSTANDER = "ch00/fp16_65536"
SEEDED = 0.012345  # seconds: small enough for chapter 0's katas to share a judge


@pytest.fixture(params=["own", "shared"])
def judges(request, kata_tree, monkeypatch):
    """How chapter 0's katas get judges: each its own, or all one (their last times small)."""
    kata_tree.copy_tree("katas", [FIRST.id])
    for kata in FIRST.katas:
        kata_tree.write(kata.id, (ROOT / "reference" / kata.relpath).read_text())
    if request.param == "shared":
        # written as is: a time numkata measures is kept to 4 decimals, so it can never equal
        # SEEDED (a small kata's judge can take 10 ms, which 0.01 could not tell apart)
        (kata_tree.home / schedule.FILE_NAME).write_text(
            json.dumps({k.id: SEEDED for k in FIRST.katas}), encoding="utf-8")
    started: list[list[str]] = []
    original = fork_runner.ForkRunner._start

    def spy(self, items, limits):
        started.append(sorted({i.nodeid.split("::")[0] for i in items}))
        return original(self, items, limits)

    monkeypatch.setattr(fork_runner.ForkRunner, "_start", spy)
    return request.param, started


def _plant(monkeypatch, fault) -> None:
    module = importlib.import_module(f"pytest_numkata.checks.{VICTIM.replace('/', '.')}")
    # collected as one of the module's own checks, in the place of the real one
    fault.__module__, fault.__name__, fault.__qualname__ = module.__name__, VICTIM_CHECK, VICTIM_CHECK
    monkeypatch.setattr(module, VICTIM_CHECK, fault)


def _reports(result) -> dict[str, tuple[str, str]]:
    """nodeid -> (outcome, text) of every check's call phase (or its skip)."""
    found = {}
    for report in result.reprec.getreports("pytest_runtest_logreport"):
        if report.when == "call" or (report.skipped and report.nodeid not in found):
            found[report.nodeid] = (report.outcome, str(report.longrepr or ""))
    return found


def _of(reports, kata_id):
    return {k.split("::")[1]: v for k, v in reports.items() if k.startswith(f"katas/{kata_id}.py")}


def _rest_is_graded(reports, expected_failures: set[str]) -> None:
    victim = _of(reports, VICTIM)
    assert len(victim) == 5
    for name, (outcome, _) in victim.items():
        assert outcome == ("failed" if name in expected_failures else "passed"), (name, victim)
    for kata in FIRST.katas:
        if kata.id != VICTIM:
            assert all(o == "passed" for o, _ in _of(reports, kata.id).values()), kata.id


@pytest.mark.parametrize("how", ["sigkill", "exit"])
def test_a_judge_that_dies_in_a_check_fails_that_check_only(judges, kata_tree, monkeypatch, how):
    def fault(kata):
        if how == "sigkill":
            os.kill(os.getpid(), signal.SIGKILL)
        os._exit(3)

    _plant(monkeypatch, fault)
    result = kata_tree.run(f"katas/{FIRST.id}", "--numkata-jobs=2")
    assert result.ret == 1
    reports = _reports(result)
    _rest_is_graded(reports, {VICTIM_CHECK})
    outcome, text = _of(reports, VICTIM)[VICTIM_CHECK]
    cause = "was ended by SIGKILL" if how == "sigkill" else "exited with status 3"
    assert f"the process judging this kata {cause}" in text and "in the middle of a check" in text
    assert "not a verdict on your code" in text
    with ProgressStore(kata_tree.home) as store:
        states = store.states()
    assert not states[VICTIM].mastered and states[BYSTANDER].mastered
    times = schedule.load(kata_tree.home)  # a failing kata's time is not kept (nor changed)
    assert times.get(VICTIM) == {"own": None, "shared": SEEDED}[judges[0]]
    assert times[BYSTANDER] > 0 and times[BYSTANDER] != SEEDED


def test_a_judge_that_dies_while_loading_fails_its_kata_once(judges, kata_tree, monkeypatch):
    from pytest_numkata.judge.collection import KataModule

    original = KataModule.learner_module

    def dies_for_the_victim(self):
        if self.kata.id == VICTIM:
            os._exit(9)
        return original(self)

    monkeypatch.setattr(KataModule, "learner_module", dies_for_the_victim)
    result = kata_tree.run(f"katas/{FIRST.id}", "--numkata-jobs=2")
    assert result.ret == 1
    victim = _of(_reports(result), VICTIM)
    outcomes = sorted(o for o, _ in victim.values())
    assert outcomes == ["failed"] + ["skipped"] * 4, victim
    failed = next(t for o, t in victim.values() if o == "failed")
    assert "while loading" in failed and "exited with status 9" in failed
    for kata in FIRST.katas:
        if kata.id != VICTIM:
            assert all(o == "passed" for o, _ in _of(_reports(result), kata.id).values())


def test_a_judge_out_of_its_own_time_is_numkatas_fault_not_a_pass(judges, kata_tree,
                                                                    monkeypatch):
    def fault(kata):
        while True:  # an oracle that never ends
            pass

    original = Options.judge_limits_for

    def short(self, kata):
        limits = original(self, kata)
        return Limits(timeout=1.0, memory_mb=limits.memory_mb) if kata.id == VICTIM else limits

    _plant(monkeypatch, fault)
    monkeypatch.setattr(Options, "judge_limits_for", short)
    started = time.monotonic()
    result = kata_tree.run(f"katas/{FIRST.id}", "--numkata-jobs=2")
    assert time.monotonic() - started < 10
    assert result.ret == 1
    victim = _of(_reports(result), VICTIM)
    outcome, text = victim[VICTIM_CHECK]
    assert outcome == "failed"
    assert "numkata's own work for this kata timed out after 1 s of computing" in text
    assert "please report it" in text
    later = [n for n in victim if n in ("gradient_accumulation_format", "loss_scale_format")]
    assert all(victim[n][0] == "skipped" for n in later), victim


def test_a_judge_that_sends_something_else_fails_its_kata_and_the_run_goes_on(judges, kata_tree,
                                                                                monkeypatch):
    real_dumps = json.dumps

    class Garbling:
        def __getattr__(self, name):
            return getattr(json, name)

        @staticmethod
        def dumps(obj, *args, **kwargs):
            if isinstance(obj, dict) and "start" in obj and VICTIM_CHECK in obj["start"]:
                return "\x1b[31mnot a report\x1b[0m"
            return real_dumps(obj, *args, **kwargs)

    monkeypatch.setattr(fork_runner, "json", Garbling())
    result = kata_tree.run(f"katas/{FIRST.id}", "--numkata-jobs=2")
    assert result.ret == 1
    victim = _of(_reports(result), VICTIM)
    failed = [t for o, t in victim.values() if o == "failed"]
    assert len(failed) == 1 and "sent something that is not a report" in failed[0]
    assert "not a report\x1b" not in result.stdout.str()  # what it sent is not shown
    for kata in FIRST.katas:
        if kata.id != VICTIM:
            assert all(o == "passed" for o, _ in _of(_reports(result), kata.id).values())


def test_small_katas_share_a_judge_and_each_is_recorded(judges, kata_tree):
    mode, started = judges
    result = kata_tree.run(f"katas/{FIRST.id}", "--numkata-jobs=2")
    assert result.ret == 0
    if mode == "shared":
        assert started == [sorted(f"katas/{k.id}.py" for k in FIRST.katas)]
    else:
        assert len(started) == len(FIRST.katas)
    times = schedule.load(kata_tree.home)
    assert set(times) == {k.id for k in FIRST.katas} and all(t > 0 for t in times.values())
