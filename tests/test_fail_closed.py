"""Fault injection: learner code that hangs, crashes, exits or floods fails its kata, and only it.

Each case runs a real pytest session in a subprocess (so a fault that escaped isolation would
end that session, not this one) over a tree with two katas: the faulty one and a solved one.
The solved kata must pass and be recorded; the faulty one must fail with a message naming
what happened; the progress database must stay intact. The suite prints how many faults were
survived with nothing lost.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from pytest_numkata.packs import catalogue
from pytest_numkata.progress.store import ProgressStore
from tests import warm_runs
from tests.conftest import PYPROJECT, ROOT

pytestmark = pytest.mark.slow  # a pytest process per injected fault, kill tests

CAT = catalogue.load()
FAULTY = CAT.kata("ch01/log_sum_exp")
HEALTHY = CAT.kata("ch00/fp32_max")

FAULTS = {
    "hang": ("def log_sum_exp(x):\n    while True:\n        pass\n", "timed out after"),
    "import_hang": ("while True:\n    pass\n\ndef log_sum_exp(x):\n    return 0.0\n",
                    "while loading"),
    "c_level_hang": ("import re\n\ndef log_sum_exp(x):\n    re.match(r'(a+)+$', 'a' * 64 + 'b')\n",
                     "timed out after"),
    "os_exit": ("import os\n\ndef log_sum_exp(x):\n    os._exit(0)\n", "exited with status 0"),
    "sys_exit": ("import sys\n\ndef log_sum_exp(x):\n    sys.exit(0)\n", "called exit (0)"),
    "import_sys_exit": ("import sys\nsys.exit(0)\n", "must not end the program"),
    "segfault": ("import ctypes\n\ndef log_sum_exp(x):\n    return ctypes.string_at(0)\n",
                 "SIGSEGV"),
    "abort": ("import os\n\ndef log_sum_exp(x):\n    os.abort()\n", "SIGABRT"),
    # blocks of 2 GB: past the 1 GB a kata may add, the first fails at once (1 GB blocks may
    # fit and take seconds of page faults each on a busy machine)
    "memory": ("import numpy as np\n\ndef log_sum_exp(x):\n"
               "    blocks = [np.ones(2**28) for _ in range(32)]\n    return 0.0\n", "MemoryError"),
    "recursion": ("def log_sum_exp(x):\n    return log_sum_exp(x)\n", "RecursionError"),
    "flood": ("import sys\n\ndef log_sum_exp(x):\n    sys.stdout.write('spam' * 2_000_000)\n"
              "    return 0.0\n", "characters of output cut"),
    "global_state": ("import numpy as np, sys\nnp.seterr(all='raise')\nnp.random.seed(0)\n"
                     "sys.modules['numpy'] = None\n\ndef log_sum_exp(x):\n    return 0.0\n",
                     "expected"),
    "kill_signal": ("import os, signal\n\ndef log_sum_exp(x):\n    os.kill(os.getpid(), signal.SIGKILL)\n",
                    "SIGKILL"),
    "not_utf8": (b"# caf\xe9\ndef log_sum_exp(x):\n    return 0.0\n", "not UTF-8"),
}

SURVIVED: list[str] = []


def _tree(tmp_path: Path, faulty_source) -> Path:
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    for kata, source in ((FAULTY, faulty_source),
                         (HEALTHY, (ROOT / "reference" / HEALTHY.relpath).read_text())):
        path = tmp_path / "katas" / kata.relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(source, bytes):
            path.write_bytes(source)
        else:
            path.write_text(source)
    (tmp_path / "home").mkdir()
    return tmp_path


def _pytest(tree: Path, *args: str, timeout: float = 1, cold: bool = False,
            **kwargs) -> subprocess.CompletedProcess:
    """A run over the tree; a check may compute ``timeout`` seconds (the faults that hang are
    stopped after it, the healthy kata needs far less). Forked from the tests' warm server
    (tests/warm_runs.py) unless ``cold``: a run whose processes are looked for afterwards by
    their command line must be started cold (a forked one shows the server's)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    run = subprocess.run if cold else warm_runs.run
    if cold:
        kwargs.update(capture_output=True, text=True)
    return run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--numkata-unlock-all",
         f"--numkata-home={tree / 'home'}", f"--numkata-timeout={timeout:g}", "-q", *args,
         f"katas/{HEALTHY.relpath}", f"katas/{FAULTY.relpath}"],
        cwd=tree, timeout=240, env=env, **kwargs)


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_a_faulty_kata_fails_alone_and_nothing_is_lost(tmp_path, fault):
    source, words = FAULTS[fault]
    tree = _tree(tmp_path, source)
    result = _pytest(tree)
    out = result.stdout
    assert result.returncode == 1, out + result.stderr
    assert words in out, out
    assert "INTERNALERROR" not in out + result.stderr
    assert len(out) < 200_000, "output floods must be cut"
    with ProgressStore(tree / "home") as store:
        states = store.states()
    assert states[HEALTHY.id].last_outcome == "passed"
    assert states[FAULTY.id].last_outcome == "failed"
    db = sqlite3.connect(tree / "home" / "progress.sqlite3")
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    SURVIVED.append(fault)


def test_global_state_does_not_leak_into_the_next_kata(tmp_path):
    source = ("import numpy as np\nnp.seterr(all='raise')\nnp.set_printoptions(precision=1)\n"
              "def log_sum_exp(x):\n    np.seterr(all='raise')\n    return 0.0\n")
    tree = _tree(tmp_path, source)
    # the healthy kata is graded after the faulty one: it must not see the changed error state
    env_args = [f"katas/{FAULTY.relpath}"]
    result = _pytest(tree, *env_args)
    assert "FloatingPointError" not in result.stdout
    with ProgressStore(tree / "home") as store:
        assert store.states()[HEALTHY.id].last_outcome == "passed"


def test_sigkill_mid_run_leaves_a_valid_store(tmp_path):
    tree = _tree(tmp_path, FAULTS["hang"][0])
    _pytest(tree, cold=True)  # one complete run recorded first (the hang stopped after 1 s)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    # a run takes about 0.5 s to start, grades the healthy kata, spins in the hanging one for
    # its 1 s limit, then records: killed while starting, grading, hanging and near the end
    for delay in (0.4, 0.8, 1.2, 1.7):
        proc = subprocess.Popen(
            [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--numkata-unlock-all",
             f"--numkata-home={tree / 'home'}", "--numkata-timeout=1", "-q", "katas"],
            cwd=tree, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
            start_new_session=True)
        time.sleep(delay)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        db = sqlite3.connect(tree / "home" / "progress.sqlite3")
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        db.close()
    with ProgressStore(tree / "home") as store:
        assert store.states()[HEALTHY.id].attempts >= 1
    # no grading process outlives its killed run (the faulty kata loops forever)
    deadline = time.monotonic() + 10
    while _processes_mentioning(str(tree / "home")) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _processes_mentioning(str(tree / "home")) == []
    SURVIVED.append("sigkill_mid_run")


def _processes_mentioning(text: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
                state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
            except OSError:
                continue
            if text in cmdline and state != "Z":
                found.append(int(entry.name))
    return found


def test_two_runs_at_once_record_every_attempt(tmp_path):
    tree = _tree(tmp_path, (ROOT / "reference" / FAULTY.relpath).read_text())
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    cmd = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--numkata-unlock-all",
           f"--numkata-home={tree / 'home'}", "-q", "katas"]
    logs = [tmp_path / f"run{i}.log" for i in range(3)]
    procs = []
    for log in logs:
        with open(log, "wb") as out:
            procs.append(subprocess.Popen(cmd, cwd=tree, stdout=out, stderr=subprocess.STDOUT,
                                          env=env))
    codes = [p.wait(240) for p in procs]
    said = "\n".join(log.read_text(errors="replace")[-1500:] for log in logs)  # on failure
    assert codes == [0, 0, 0], said
    with ProgressStore(tree / "home") as store:
        attempts = store.attempts()
    assert len(attempts) == 6 and len({a["run_id"] for a in attempts}) == 3, said
    SURVIVED.append("concurrent_runs")


def test_a_corrupt_store_is_moved_aside_and_reported(tmp_path):
    tree = _tree(tmp_path, (ROOT / "reference" / FAULTY.relpath).read_text())
    (tree / "home" / "progress.sqlite3").write_bytes(b"\0garbage" * 1000)
    result = _pytest(tree)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "moved aside" in result.stdout
    assert list((tree / "home").glob("progress.sqlite3.corrupt-*"))
    SURVIVED.append("corrupt_store")


def test_report_faults_survived(record_property):
    """Runs after the faults in this module: the tally, printed at the end of the session by
    tests/conftest.py (also under pytest-xdist, where a worker's own prints are not shown)."""
    expected = len(FAULTS) + 3
    if len(SURVIVED) != expected:
        pytest.skip("run the whole module (in one process) to get the tally")
    record_property("fail_closed_tally", f"fail-closed: {len(SURVIVED)} of {expected} injected "
                    f"faults survived with nothing lost ({', '.join(sorted(SURVIVED))})")


def test_internal_errors_fail_the_kata(tmp_path, monkeypatch):
    """An exception inside numkata's own check code is a failure, never a pass."""
    tree = _tree(tmp_path, (ROOT / "reference" / FAULTY.relpath).read_text())
    sitecustom = tmp_path / "inject"
    sitecustom.mkdir()
    (sitecustom / "sitecustomize.py").write_text(textwrap.dedent("""\
        import pytest_numkata.checking as c
        def broken(*a, **k):
            raise RuntimeError("numkata bug")
        c.expect_close = broken
        """))
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env["PYTHONPATH"] = str(sitecustom)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--numkata-unlock-all",
         f"--numkata-home={tree / 'home'}", "-q", f"katas/{FAULTY.relpath}"],
        cwd=tree, capture_output=True, text=True, timeout=240, env=env)
    assert result.returncode == 1
    with ProgressStore(tree / "home") as store:
        assert store.states()[FAULTY.id].last_outcome == "failed"
