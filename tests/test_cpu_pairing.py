"""A judge and its learner take turns on one CPU: judges are pinned to a CPU (spread over the
CPUs when several run side by side), and a learner runs on the CPUs its judge may use."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from pytest_numkata.judge import fork_runner

needs_affinity = pytest.mark.skipif(not hasattr(os, "sched_setaffinity"),
                                    reason="no CPU affinity on this platform")

SCRIPT = textwrap.dedent('''
    import json, os, sys, tempfile
    from pathlib import Path
    from pytest_numkata.sandbox import process
    from pytest_numkata.sandbox.proxy import LearnerModule, LearnerSession

    process.start_zygote()
    path = Path(tempfile.mkdtemp()) / "kata.py"
    path.write_text("import os\\ndef cpus():\\n    return sorted(os.sched_getaffinity(0))\\n")
    seen = []
    for judge_cpus in (sorted(os.sched_getaffinity(0)), [int(sys.argv[1])]):
        os.sched_setaffinity(0, judge_cpus)
        session = LearnerSession(source_path=path, display=path.name, module_name="k",
                                 want="cpus", timeout=30, memory_mb=512, checks=1)
        session.load()
        seen.append([judge_cpus, LearnerModule(session).cpus()])
        session.close()
    print(json.dumps(seen))
''')


@needs_affinity
def test_a_learner_runs_on_the_cpus_of_its_judge():
    cpus = sorted(os.sched_getaffinity(0))
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(cpus[-1])], capture_output=True,
                         text=True, timeout=120, check=True).stdout
    (all_judge, all_learner), (one_judge, one_learner) = json.loads(out.splitlines()[-1])
    assert all_learner == all_judge == cpus
    assert one_learner == one_judge == [cpus[-1]]


@needs_affinity
def test_judges_side_by_side_are_spread_over_the_cpus(monkeypatch):
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3})
    monkeypatch.setattr(fork_runner, "current_cpu", lambda: 2)
    assert fork_runner._cpu_for_next_judge(set()) == 2  # where the kernel put this process
    assert fork_runner._cpu_for_next_judge({2}) == 0  # the first CPU no sibling uses
    assert fork_runner._cpu_for_next_judge({2, 0}) == 1
    assert fork_runner._cpu_for_next_judge({0, 1, 2, 3}) is None  # all taken: the kernel's call
    monkeypatch.setattr(fork_runner, "current_cpu", lambda: None)
    assert fork_runner._cpu_for_next_judge({0}) == 1


@needs_affinity
def test_a_process_on_one_cpu_leaves_its_judges_unpinned(monkeypatch):
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {3})
    assert fork_runner._cpu_for_next_judge(set()) is None


@needs_affinity
def test_the_current_cpu_is_one_this_process_may_use():
    from pytest_numkata.sandbox.limits import cpu_seconds, current_cpu

    assert current_cpu() in os.sched_getaffinity(0)
    assert cpu_seconds() > 0 and cpu_seconds(2**22 + 12345) is None  # no such process
