"""The fork server (pytest_numkata/warm_start/fork_server.py): a run forked from it behaves as
the same ``python -m`` command started cold, in everything a caller can see."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pytest_numkata.warm_start.fork_server import ForkServer
from tests.conftest import PYPROJECT, committed_reference

pytestmark = pytest.mark.skipif(not ForkServer.available(), reason="needs os.fork and send_fds")

PROBE = """\
import json, os, random, sys, tempfile
print(json.dumps({"argv": sys.argv, "cwd": os.getcwd(), "path": sys.path[:3],
                  "env": os.environ.get("PROBE_VALUE"), "tmp": tempfile.gettempdir(),
                  "random": random.random(), "pid": os.getpid(), "sid": os.getsid(0)}))
print("to stderr", file=sys.stderr)
raise SystemExit(int(os.environ.get("PROBE_EXIT", "0")))
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    # only the modules these tests need: the server's pytest session still loads every plugin
    with ForkServer(tmp_path_factory.mktemp("server"), modules=["numpy"], zygote=False) as s:
        assert s.process is not None, "the server did not start"
        yield s


@pytest.fixture
def probe(tmp_path) -> Path:
    package = tmp_path / "lib" / "probe_pkg"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "__main__.py").write_text(PROBE)
    return tmp_path


def _env(probe: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env["PYTHONPATH"] = str(probe / "lib")
    env.update(extra)
    return env


def test_a_run_is_the_command_started_cold(server, probe, tmp_path):
    import json

    work = tmp_path / "work"
    (work / "tmp").mkdir(parents=True)
    env = _env(probe, PROBE_VALUE="seen", PROBE_EXIT="3", TMPDIR=str(work / "tmp"))
    warm = server.run(["-m", "probe_pkg", "a", "b"], cwd=work, env=env)
    cold = subprocess.run([sys.executable, "-m", "probe_pkg", "a", "b"], cwd=work, env=env,
                          capture_output=True, text=True)
    assert warm.returncode == cold.returncode == 3
    assert warm.stderr == cold.stderr == "to stderr\n"
    got, want = json.loads(warm.stdout), json.loads(cold.stdout)
    for key in ("argv", "cwd", "path", "env", "tmp"):
        assert got[key] == want[key], key
    assert got["sid"] == got["pid"], "a run leads a session of its own"


def test_runs_draw_fresh_random_numbers(server, probe, tmp_path):
    import json

    draws = {json.loads(server.run(["-m", "probe_pkg"], cwd=tmp_path, env=_env(probe)).stdout)
             ["random"] for _ in range(3)}
    assert len(draws) == 3


def test_exit_by_signal_and_uncaught_error_are_reported_as_for_a_cold_process(
        server, probe, tmp_path):
    lib = probe / "lib"
    (lib / "aborts.py").write_text("import os\nos.abort()\n")
    (lib / "raises.py").write_text("raise ValueError('boom')\n")
    (lib / "says.py").write_text("raise SystemExit('goodbye')\n")
    env = _env(probe)
    assert server.run(["-m", "aborts"], cwd=tmp_path, env=env).returncode == -6
    raised = server.run(["-m", "raises"], cwd=tmp_path, env=env)
    assert raised.returncode == 1 and "ValueError: boom" in raised.stderr
    said = server.run(["-m", "says"], cwd=tmp_path, env=env)
    assert said.returncode == 1 and said.stderr == "goodbye\n"


def test_a_timeout_kills_the_run_and_what_it_started(server, probe, tmp_path):
    lib = probe / "lib"
    marker = tmp_path / "child.pid"
    (lib / "sleeps.py").write_text(
        "import subprocess, sys, time\n"
        "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
        f"open({str(marker)!r}, 'w').write(str(child.pid))\n"
        "time.sleep(60)\n")
    started = time.monotonic()
    with pytest.raises(subprocess.TimeoutExpired):
        server.run(["-m", "sleeps"], cwd=tmp_path, env=_env(probe), timeout=2)
    assert time.monotonic() - started < 10
    child = int(marker.read_text())
    for _ in range(100):
        if not Path(f"/proc/{child}").exists() or b"Z" in _state(child):
            break
        time.sleep(0.05)
    else:
        pytest.fail("the run's own child outlived the timeout")


def _state(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()[0]
    except (OSError, IndexError):
        return b"Z"


def test_runs_side_by_side(server, probe, tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    (probe / "lib" / "naps.py").write_text("import time\ntime.sleep(1)\nprint('done')\n")
    started = time.monotonic()
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: server.run(["-m", "naps"], cwd=tmp_path,
                                                     env=_env(probe)), range(4)))
    assert [r.stdout for r in results] == ["done\n"] * 4
    assert time.monotonic() - started < 3.5


def test_only_python_dash_m_commands_run_warm(server, tmp_path):
    with pytest.raises(ValueError):
        server.run(["-c", "print(1)"], cwd=tmp_path)


def test_a_pytest_run_grades_as_a_cold_one_and_warns_about_nothing(server, tmp_path):
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    good, bad = "ch00/fp32_max", "ch01/log_sum_exp"
    for kata, text in ((good, committed_reference(good)),
                       (bad, "import numpy as np\n\ndef log_sum_exp(x):\n"
                             "    return float(np.log(np.sum(np.exp(x))))\n")):
        path = tmp_path / "katas" / f"{kata}.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    outputs = []
    for index, start in enumerate(("warm", "cold")):
        home = tmp_path / f"home-{start}"
        home.mkdir()
        args = ["-m", "pytest", "-p", "no:cacheprovider", "--numkata-unlock-all",
                f"--numkata-home={home}", "-q", "--color=no", "katas"]
        if start == "warm":
            run = server.run(args, cwd=tmp_path, env=env, timeout=120)
        else:
            run = subprocess.run([sys.executable, *args], cwd=tmp_path, env=env,
                                 capture_output=True, text=True, timeout=120)
        assert run.returncode == 1, run.stdout + run.stderr
        outputs.append(run.stdout)
    warm, cold = outputs

    def verdicts(text: str) -> list[str]:  # the failures and counts, without the timing
        import re

        return [re.sub(r" in [0-9.]+s", "", line) for line in text.splitlines()
                if line.startswith("FAILED") or re.match(r"^[0-9]+ failed", line)]

    assert verdicts(warm) == verdicts(cold) and "failed, 5 passed" in verdicts(warm)[-1]
    assert "overflow" in warm, warm  # the named mistake
    for text in (warm, cold):
        assert "warnings summary" not in text and "already imported" not in text, text


def test_the_server_ends_with_the_process_that_started_it(tmp_path):
    import json

    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from pytest_numkata.warm_start.fork_server import ForkServer\n"
        f"s = ForkServer(Path({str(tmp_path / 'srv')!r}), modules=[], zygote=False)\n"
        "assert s.start()\n"
        "print(s.process.pid, flush=True)\n"
        "time.sleep(60)\n")
    starter = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                               text=True)
    try:
        server_pid = json.loads(starter.stdout.readline())
        assert Path(f"/proc/{server_pid}").exists()
    finally:
        starter.kill()
        starter.wait()
    for _ in range(100):
        if not Path(f"/proc/{server_pid}").exists() or _state(server_pid) == b"Z":
            break
        time.sleep(0.05)
    else:
        pytest.fail("the fork server outlived the process that started it")


SLEEPER = """\
import os, sys, time
print(os.getpid(), flush=True)
time.sleep(float(sys.argv[1]))
"""


def test_a_spawned_run_is_waited_for_and_dies_with_its_watcher(server, tmp_path):
    """``spawn``: a pid at once, ``wait`` with a timeout that leaves the run going, ``poll``;
    a run whose watcher is killed dies with it (it is in a session of its own, so killing the
    caller's process group would otherwise leave it running), and Ctrl-C sent to the server's
    process group leaves the server serving."""
    import signal

    lib = tmp_path / "lib" / "sleeper_pkg"
    lib.mkdir(parents=True)
    (lib / "__init__.py").write_text("")
    (lib / "__main__.py").write_text(SLEEPER)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env["PYTHONPATH"] = str(tmp_path / "lib")
    out = (tmp_path / "out.txt").open("w+b")
    quick = server.spawn(["-m", "sleeper_pkg", "0"], cwd=tmp_path, env=env,
                         stdout=out.fileno(), stderr=out.fileno())
    assert quick.wait(60) == 0 and quick.poll() == 0
    quick.close()
    run = server.spawn(["-m", "sleeper_pkg", "300"], cwd=tmp_path, env=env,
                       stdout=out.fileno(), stderr=out.fileno())
    try:
        assert os.getsid(run.pid) == run.pid
        with pytest.raises(subprocess.TimeoutExpired):
            run.wait(0.2)
        assert run.poll() is None and _state(run.pid) != b"Z"  # still running
        os.kill(server.process.pid, signal.SIGINT)  # as a terminal's Ctrl-C would reach it
        watcher = int(Path(f"/proc/{run.pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
        assert watcher != server.process.pid
        os.kill(watcher, signal.SIGKILL)
        for _ in range(100):
            if _state(run.pid) == b"Z" or not Path(f"/proc/{run.pid}").exists():
                break
            time.sleep(0.05)
        else:
            pytest.fail("the run outlived its watcher")
    finally:
        try:
            os.killpg(run.pid, signal.SIGKILL)
        except OSError:
            pass
        run.close()
        out.close()
    assert server.process.poll() is None  # Ctrl-C did not end the server
    again = server.spawn(["-m", "sleeper_pkg", "0"], cwd=tmp_path, env=env,
                         stdout=out.fileno() if not out.closed else 1, stderr=2)
    assert again.wait(60) == 0
    again.close()


def test_a_server_given_an_idle_time_ends_after_it(tmp_path, probe):
    with ForkServer(tmp_path / "srv", modules=[], zygote=False, idle=1.0) as s:
        assert s.run(["-m", "probe_pkg"], cwd=tmp_path, env=_env(probe)).returncode == 0
        assert s.process.poll() is None  # a run just ended: the idle time starts again
        for _ in range(100):
            if s.process.poll() is not None:
                break
            time.sleep(0.1)
        else:
            pytest.fail("the server did not end after its idle time")
        assert s.process.returncode == 0
