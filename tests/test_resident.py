"""The resident warm server (pytest_numkata/warm_start/resident.py): a learner's ``pytest`` run
in a kata tree hands itself over to it and is graded as the same run started cold; kata code
cannot reach it; it ends when idle, when asked, or when what it loaded changes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from types import SimpleNamespace

import pytest

from pytest_numkata.warm_start import resident
from tests.conftest import PYPROJECT, committed_reference, reach_the_server_kata

NOT_HERE = resident.unavailable(dict(os.environ, NUMKATA_WARM="auto"))
needs_server = pytest.mark.skipif(NOT_HERE is not None, reason=f"no resident server: {NOT_HERE}")

REACH_THE_SERVER = reach_the_server_kata("numkata-warm-", "the warm server")


def _env(**extra: str) -> dict[str, str]:
    """The environment of a learner's shell: none of this test process's pytest variables,
    and a name of its own, so that each test's server is its own."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTEST_", "NUMKATA_", "COV_"))}
    env["NUMKATA_WARM"] = "auto"
    env["NUMKATA_TEST_SERVER"] = uuid.uuid4().hex
    env.update(extra)
    return env


def _workspace(path: Path, katas: dict[str, str]) -> Path:
    (path / "pyproject.toml").write_text(PYPROJECT)
    (path / "home").mkdir()
    for kata_id, text in katas.items():
        target = path / "katas" / f"{kata_id}.py"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    return path


def _pytest(work: Path, env: dict[str, str], *args: str, timeout: float = 120):
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider",
                           "--numkata-home=home", "--numkata-unlock-all", "--color=no", *args],
                          cwd=work, env=env, capture_output=True, text=True, timeout=timeout)


def _runs(env) -> int:
    info = resident.ping(env)
    assert info is not None, "the server is gone"
    return int(info["runs"])


def _gone(env, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if resident.ping(env) is None:
            return True
        time.sleep(0.1)
    return False


@pytest.fixture(scope="module")
def server_env():
    env = _env()
    assert resident.start(env, wait=True), "the resident server did not start"
    yield env
    resident.stop(env)
    assert _gone(env), "the resident server outlived its test"


def _without_times(text: str) -> str:
    import re

    return re.sub(r"\d+\.\d+s", "T", text)


@needs_server
@pytest.mark.slow
def test_a_run_hands_over_and_is_graded_as_the_same_run_cold(server_env, tmp_path):
    work = _workspace(tmp_path, {
        "ch00/fp32_max": committed_reference("ch00/fp32_max"),
        "ch00/machine_epsilon": "ANSWER = 2.0 ** -52\n",  # a wrong answer: fails, named
    })
    cold_env = dict(server_env, NUMKATA_WARM="off")
    before = _runs(server_env)
    cold = _pytest(work, cold_env, "katas/ch00")
    assert _runs(server_env) == before
    (work / "home").rename(work / "cold-home")
    (work / "home").mkdir()
    warm = _pytest(work, server_env, "katas/ch00")
    assert _runs(server_env) == before + 1, warm.stdout + warm.stderr
    assert warm.returncode == cold.returncode == 1
    assert _without_times(warm.stdout) == _without_times(cold.stdout)
    assert "warning" not in warm.stdout.lower() + warm.stderr.lower()
    # the same verdicts recorded
    from pytest_numkata.progress.store import ProgressStore

    def verdicts(home):
        with ProgressStore(home, create=False) as store:
            return sorted((row["kata"], row["outcome"]) for row in store.attempts())

    assert verdicts(work / "home") == verdicts(work / "cold-home") != []


@needs_server
@pytest.mark.slow
def test_runs_that_must_stay_here_run_cold(server_env, tmp_path):
    work = _workspace(tmp_path, {"ch00/fp32_max": committed_reference("ch00/fp32_max")})
    before = _runs(server_env)
    (work / "tests").mkdir()
    (work / "tests" / "test_other.py").write_text("def test_x():\n    pass\n")
    for args in (["tests/test_other.py"], ["katas", "tests"]):  # not only the kata tree
        assert _pytest(work, server_env, *args).returncode == 0
    assert _pytest(work, dict(server_env, NUMKATA_WARM="off"), "katas").returncode == 0
    assert _pytest(work, dict(server_env, PYTHONHASHSEED="7"), "katas").returncode == 0
    assert _runs(server_env) == before  # another environment has another (here: no) server
    assert _pytest(work, server_env, "katas").returncode == 0
    assert _runs(server_env) == before + 1


@needs_server
@pytest.mark.slow
def test_kata_code_cannot_reach_the_server(server_env, tmp_path):
    work = _workspace(tmp_path, {"ch00/fp32_max": REACH_THE_SERVER})
    before = _runs(server_env)
    result = _pytest(work, server_env, "katas/ch00/fp32_max.py")
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert "learner tried the warm server" in out, out
    assert "CONNECTED" not in out
    assert "refused: PermissionError 1" in out  # Landlock's scope, not a missing socket
    assert _runs(server_env) == before + 1  # the grading run itself, nothing the learner sent


@needs_server
@pytest.mark.slow
def test_ctrl_c_reaches_the_run_and_nothing_is_left(server_env, tmp_path):
    work = _workspace(tmp_path, {"ch01/log_sum_exp": "def log_sum_exp(x):\n"
                                                     "    while True:\n        pass\n"})
    client = subprocess.Popen(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--numkata-home=home",
         "--numkata-unlock-all", "--numkata-timeout=60", "katas"],
        cwd=work, env=server_env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and (resident.ping(server_env) or {}).get("running") != 1:
        time.sleep(0.05)
    time.sleep(1.0)  # the run is grading the looping kata
    started = time.monotonic()
    client.send_signal(signal.SIGINT)
    out, _ = client.communicate(timeout=30)
    assert time.monotonic() - started < 15
    assert client.returncode == 2, out  # pytest's "interrupted"
    assert "KeyboardInterrupt" in out
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and (resident.ping(server_env) or {}).get("running"):
        time.sleep(0.05)
    assert resident.ping(server_env)["running"] == 0


@needs_server
@pytest.mark.slow
def test_the_server_leaves_when_what_it_loaded_changes(tmp_path):
    lib = tmp_path / "lib"
    lib.mkdir()
    env = _env(PYTHONPATH=str(lib))
    assert resident.start(env, wait=True)
    try:
        (tmp_path / "work").mkdir()
        work = _workspace(tmp_path / "work",
                          {"ch00/fp32_max": committed_reference("ch00/fp32_max")})
        assert _pytest(work, env, "katas").returncode == 0
        assert _runs(env) == 1
        (lib / "new_module.py").write_text("")  # as an install into a sys.path folder
        result = _pytest(work, env, "katas")
        assert result.returncode == 0, result.stdout  # graded, cold
        assert _gone(env)
    finally:
        resident.stop(env)


@needs_server
@pytest.mark.slow
def test_the_server_ends_after_its_idle_time_and_a_cold_run_can_start_one(tmp_path):
    env = _env(NUMKATA_WARM="on")
    work = _workspace(tmp_path, {"ch00/fp32_max": committed_reference("ch00/fp32_max")})
    try:
        assert _pytest(work, env, "katas").returncode == 0  # cold, then starts a server
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and resident.ping(env) is None:
            time.sleep(0.2)
        assert resident.ping(env) is not None, "NUMKATA_WARM=on: no server after a cold run"
    finally:
        resident.stop(env)
    assert _gone(env)
    env = _env()
    assert resident.start(env, wait=True, idle=1.0)
    time.sleep(1.5)
    assert _gone(env, 10.0), "an idle server did not end"
    assert resident.stop(env) is False


def _config(tmp_path, args, *, argv=None, **options):
    katas = tmp_path / "katas"
    katas.mkdir(exist_ok=True)
    option = SimpleNamespace(usepdb=False, trace=False, numprocesses=None,
                             numkata_isolation=None)
    for name, value in options.items():
        setattr(option, name, value)
    params = SimpleNamespace(args=tuple(argv if argv is not None else args), dir=tmp_path)
    return SimpleNamespace(option=option, rootpath=tmp_path, invocation_params=params,
                           args=[str(a) for a in args], getini=lambda name: "katas")


@pytest.mark.parametrize("args, options, expected", [
    (["katas"], {}, True),
    (["katas/ch00/fp32_max.py::fp32_max_is_right"], {}, True),
    (["katas", "tests"], {}, False),
    (["tests"], {}, False),
    (["katas"], {"usepdb": True}, False),
    (["katas"], {"trace": True}, False),
    (["katas"], {"numprocesses": 2}, False),
    (["katas"], {"numkata_isolation": "none"}, False),
])
def test_which_runs_may_hand_over(tmp_path, monkeypatch, args, options, expected):
    monkeypatch.setattr(sys, "argv", ["/venv/bin/pytest", *args])
    monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)
    assert resident._may_hand_over(_config(tmp_path, args, **options)) is expected


def test_only_the_pytest_command_itself_hands_over(tmp_path, monkeypatch):
    monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)
    monkeypatch.setattr(sys, "argv", ["/home/me/grade_all.py", "katas"])
    assert not resident._may_hand_over(_config(tmp_path, ["katas"]))  # pytest.main() in a script
    monkeypatch.setattr(sys, "argv", ["/venv/bin/pytest", "-q"])
    assert not resident._may_hand_over(_config(tmp_path, ["katas"], argv=["katas"]))
    monkeypatch.setattr(sys, "argv", [os.path.join("/lib", "pytest", "__main__.py"), "katas"])
    assert resident._may_hand_over(_config(tmp_path, ["katas"]))
    monkeypatch.setattr("pytest_numkata.warm_start.forked_run", True)
    assert not resident._may_hand_over(_config(tmp_path, ["katas"]))


def test_the_name_depends_on_the_environment_that_shapes_imports():
    base = {"HOME": "/home/me", "PATH": "/bin"}
    name = resident.address(base)
    assert name.startswith(f"\0numkata-warm-{os.getuid()}-")
    assert resident.address(dict(base, PATH="/usr/bin", TERM="xterm")) == name
    assert resident.address(dict(base, NUMKATA_WARM="on", PYTEST_VERSION="9")) == name
    for key in ("PYTHONPATH", "OMP_NUM_THREADS", "NUMKATA_SEED", "HYPOTHESIS_PROFILE", "LANG"):
        assert resident.address(dict(base, **{key: "x"})) != name, key


@pytest.mark.parametrize("value, expected", [
    ("off", "off"), ("0", "off"), ("false", "off"), ("on", "on"), ("1", "on"),
    ("auto", "auto"), ("", "auto"), ("whatever", "auto"),
])
def test_numkata_warm_modes(value, expected):
    assert resident.mode({"NUMKATA_WARM": value}) == expected
    assert resident.mode({}) == "auto"
    if expected == "off":
        assert resident.unavailable({"NUMKATA_WARM": value}).startswith("turned off")


@needs_server
@pytest.mark.slow
def test_numkata_warm_stop_ends_every_server_of_this_user(monkeypatch, capsys):
    from pytest_numkata.cli.commands import warm

    first, second = _env(), _env()
    try:
        assert resident.start(first, wait=True) and resident.start(second, wait=True)
        ours = {resident.address(first), resident.address(second)}
        assert ours <= set(resident.running_names())
        # only these two: other tests' servers (and a developer's own) keep running
        every = resident.running_names
        monkeypatch.setattr(resident, "running_names", lambda: sorted(ours & set(every())))
        monkeypatch.setattr(os, "environ", dict(first))
        assert warm.run(None, SimpleNamespace(action="stop")) == 0
        assert "2 warm servers stopped" in capsys.readouterr().out
        assert _gone(first) and _gone(second)
    finally:
        resident.stop(first)
        resident.stop(second)
