"""``numkata watch``: a real watch process in a subprocess, driven by saving kata files and by
typed commands, its verdicts read from its output. Nothing here asserts on time; the latency
is measured by ``benchmarks/watch_latency.py``."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from pytest_numkata.progress.store import ProgressStore
from tests.conftest import committed_reference

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="watch's warm process forks")

OVERALL = 600  # seconds: generous, the machine may be busy
STUB = "ch00/fp32_max"


class WatchProcess:
    """``numkata watch`` in a subprocess, its output read line by line on a thread."""

    def __init__(self, cwd: Path, *args: str):
        env = {k: v for k, v in os.environ.items()
               if k not in ("NUMKATA_HOME", "FORCE_COLOR", "PY_COLORS")}
        env["NO_COLOR"] = "1"
        env["PYTHONUNBUFFERED"] = "1"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "pytest_numkata", "watch", *args], cwd=cwd, env=env,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        self.deadline = time.monotonic() + OVERALL
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def expect(self, text: str) -> str:
        """Read until a line containing ``text``; fail with everything seen if it never comes."""
        while True:
            left = self.deadline - time.monotonic()
            try:
                line = self.lines.get(timeout=max(left, 0.01))
            except queue.Empty:
                pytest.fail(f"no line with {text!r} in time; output:\n" + "\n".join(self.seen))
            if line is None:
                pytest.fail(f"watch ended before {text!r}; output:\n" + "\n".join(self.seen))
            self.seen.append(line)
            if text in line:
                return line

    def send(self, text: str) -> None:
        self.proc.stdin.write(text)
        self.proc.stdin.flush()

    def close(self) -> int | None:
        if self.proc.poll() is None:
            self.proc.kill()
        try:
            return self.proc.wait(timeout=30)
        finally:
            # stdout stays with the reader thread: closing it under a blocked read can hang,
            # and a process left behind holding the pipe would hang it for good
            try:
                self.proc.stdin.close()
            except OSError:
                pass


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    env = {k: v for k, v in os.environ.items() if k != "NUMKATA_HOME"}
    subprocess.run([sys.executable, "-m", "pytest_numkata", "init", "ws"], cwd=tmp_path,
                   env=env, check=True, capture_output=True)
    return tmp_path / "ws"


def save(path: Path, text: str) -> None:
    path.write_text(text)


def _processes_in(directory: Path, wait: float = 10.0) -> list[int]:
    """Processes still working in ``directory`` (Linux /proc), after up to ``wait`` s."""
    if not Path("/proc/self/cwd").exists():
        return []
    deadline = time.monotonic() + wait
    while True:
        found = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    if Path(os.readlink(entry / "cwd")) == directory.resolve():
                        found.append(int(entry.name))
                except OSError:
                    continue
        if not found or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


@pytest.mark.slow  # a watch process grading real saves
def test_watch_grades_each_save_and_answers_keys(workspace: Path):
    kata = workspace / "katas" / f"{STUB}.py"
    watch = WatchProcess(workspace, "ch00")
    try:
        # at start it grades the next kata: the untouched stub
        watch.expect(": not attempted")
        watch.expect("[watch] watching katas/ch00/")
        save(kata, committed_reference(STUB))
        watch.expect(f"[watch] {STUB}: passed - mastered")
        watch.expect("[watch] watching")
        save(kata, kata.read_text().replace("ANSWER =", "ANSWER = 0.5 *"))
        assert "failed" in watch.expect(f"[watch] {STUB}: ")
        watch.expect("[watch] watching")
        watch.send("h\n")  # a hint for the current kata
        watch.expect("hint 1/")
        watch.send("\n")  # Enter reruns
        assert "failed" in watch.expect(f"[watch] {STUB}: ")
        watch.send("n\n")
        watch.expect("[watch] next: ch00/")
        watch.send("q\n")
        assert watch.proc.wait(timeout=120) == 0
    finally:
        watch.close()
    # the prepared run waiting for the next save left with the watcher
    assert _processes_in(workspace) == []
    with ProgressStore(workspace / ".numkata") as store:
        state = store.states()[STUB]
    assert state.mastered and state.last_outcome == "failed" and state.hints_used == 1


@pytest.mark.slow  # a watch process grading real saves
def test_watch_with_polling_and_no_initial_run(workspace: Path):
    kata = workspace / "katas" / f"{STUB}.py"
    watch = WatchProcess(workspace, "--poll", "--no-initial")
    try:
        line = watch.expect("[watch] watching katas/ ")
        assert "not attempted" not in "\n".join(watch.seen)
        assert line  # ready: now save
        save(kata, committed_reference(STUB))
        watch.expect(f"[watch] {STUB}: passed")
    finally:
        watch.close()


@pytest.mark.slow  # a watch process grading real saves
def test_watch_a_locked_chapter_says_so(workspace: Path):
    env = {k: v for k, v in os.environ.items() if k != "NUMKATA_HOME"}
    result = subprocess.run([sys.executable, "-m", "pytest_numkata", "watch", "ch01"],
                            cwd=workspace, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "ch01 locked - master ch00 first" in result.stderr
    assert "Traceback" not in result.stderr


def test_keys_put_a_terminal_in_cbreak_mode_and_restore_it():
    pty = pytest.importorskip("pty")
    termios = pytest.importorskip("termios")
    from pytest_numkata.cli.watch.keys import Keys

    master, slave = pty.openpty()
    try:
        with os.fdopen(slave, "r", closefd=False) as stream:
            before = termios.tcgetattr(slave)
            with Keys(stream) as keys:
                assert keys.tty
                during = termios.tcgetattr(slave)
                assert not during[3] & termios.ICANON and not during[3] & termios.ECHO
                os.write(master, b"h")
                deadline = time.monotonic() + 10
                got: list[str] = []
                while not got and time.monotonic() < deadline:
                    got = keys.read()
                    time.sleep(0.01)
                assert got == ["h"]  # one key, no Enter needed
            assert termios.tcgetattr(slave) == before
    finally:
        os.close(master)
        os.close(slave)


def test_keys_read_lines_when_stdin_is_not_a_terminal():
    from pytest_numkata.cli.watch.keys import Keys

    read_fd, write_fd = os.pipe()
    with os.fdopen(read_fd, "r") as stream:
        keys = Keys(stream)
        assert not keys.tty
        os.write(write_fd, b"\n")
        time.sleep(0.05)
        assert keys.read() == ["\n"]
        os.write(write_fd, b"quit\n")
        time.sleep(0.05)
        assert keys.read() == ["q"]
        os.close(write_fd)
        time.sleep(0.05)
        assert keys.read() == [] and keys.closed


def _running(pid: int) -> bool:
    """Whether our child ``pid`` is alive (not yet exited)."""
    try:
        return os.waitpid(pid, os.WNOHANG) == (0, 0)
    except ChildProcessError:
        return False


@pytest.mark.slow  # a watch process grading real saves
def test_the_next_run_waits_prepared_and_is_used_or_dropped(workspace: Path, monkeypatch, capfd):
    from pytest_numkata.cli.app import build_parser
    from pytest_numkata.cli.context import Context
    from pytest_numkata.cli.watch.loop import Watcher
    from pytest_numkata.packs import catalogue

    monkeypatch.chdir(workspace)
    monkeypatch.delenv("NUMKATA_HOME", raising=False)
    args = build_parser().parse_args(["watch", "ch00", "--no-initial"])
    watcher = Watcher(Context(args), args)
    watcher.home.mkdir(parents=True, exist_ok=True)  # as Watcher.run does
    cat = catalogue.load()
    first, second = cat.kata(STUB), cat.kata("ch00/machine_epsilon")
    try:
        watcher.current = first
        watcher.prepare_standby()
        standby = watcher.runner.standby
        assert standby is not None and _running(standby.pid)
        time.sleep(0.5)
        assert _running(standby.pid)  # configured, and waiting for the word
        watcher.prepare_standby()
        assert watcher.runner.standby is standby  # still the right one: not forked again

        save(workspace / "katas" / f"{STUB}.py", committed_reference(STUB))
        assert watcher.runner.run(standby.argv) == 0
        assert watcher.runner.standby is None and not _running(standby.pid)  # it ran the save
        assert "1 passed" in capfd.readouterr().out
        with ProgressStore(workspace / ".numkata") as store:
            assert store.states()[STUB].last_outcome == "passed"

        watcher.prepare_standby()
        stale = watcher.runner.standby
        watcher.current = second  # another kata: the prepared run is replaced
        watcher.prepare_standby()
        assert not _running(stale.pid) and watcher.runner.standby.pid != stale.pid
        assert STUB not in " ".join(watcher.runner.standby.argv)

        other = watcher.runner.standby
        # a run the prepared one does not fit (the whole chapter) drops it and forks anew
        assert watcher.runner.run(["katas/ch00", *watcher.pytest_args()]) == 1
        assert watcher.runner.standby is None and not _running(other.pid)
        capfd.readouterr()

        watcher.prepare_standby()
        last = watcher.runner.standby
        watcher.drop_standby()
        assert not _running(last.pid)
    finally:
        watcher.drop_standby()


@pytest.mark.slow  # a watch process grading real saves
def test_no_assertion_rewrite_warning_beside_an_installed_source_tree(workspace: Path):
    """A clone installed with ``pip install -e .`` has ``numkata.egg-info`` at its root, which
    lists pytest_numkata; with the root on sys.path (``python -m``, a root conftest.py) pytest
    would mark the already imported package for rewriting and warn on every verdict."""
    info = workspace / "numkata.egg-info"
    info.mkdir()
    (info / "PKG-INFO").write_text("Metadata-Version: 2.1\nName: numkata\nVersion: 0.1.0\n")
    (info / "entry_points.txt").write_text("[pytest11]\nnumkata = pytest_numkata.plugin\n")
    (info / "SOURCES.txt").write_text("pytest_numkata/__init__.py\n"
                                     "pytest_numkata/plugin/__init__.py\n")
    kata = workspace / "katas" / f"{STUB}.py"
    watch = WatchProcess(workspace, "ch00")
    try:
        watch.expect(": not attempted")
        watch.expect("[watch] watching")
        save(kata, committed_reference(STUB))
        watch.expect(f"[watch] {STUB}: passed")
        watch.send("q\n")
        assert watch.proc.wait(timeout=120) == 0
    finally:
        watch.close()
    seen = "\n".join(watch.seen)
    assert "RewriteWarning" not in seen and "already imported" not in seen, seen


@pytest.mark.slow  # a watch process grading real saves
def test_watching_a_mastered_chapter_offers_the_next_one(workspace: Path):
    from pytest_numkata.packs import catalogue
    from pytest_numkata.progress.outcomes import Outcome
    from pytest_numkata.progress.store import Attempt

    cat = catalogue.load()
    first, second = cat.chapters[0], cat.chapters[1]
    home = workspace / ".numkata"
    home.mkdir()
    with ProgressStore(home) as store:
        store.record_run([Attempt(kata=k.id, outcome=Outcome.PASSED, checks_total=1)
                          for k in first.katas])
    watch = WatchProcess(workspace, first.id, "--no-initial")
    try:
        line = watch.expect(f"[watch] every kata of {first.id} is mastered")
        assert f"Next open: {second.katas[0].id}" in line and "press n" in line
        watch.expect(f"current: {first.katas[0].id}")  # a current kata all the same
        watch.send("h\n")  # its hints: shown, not counted
        watch.expect("is mastered: all")
        watch.send("n\n")  # moves the watch to the next open chapter
        watch.expect(f"[watch] next: {second.katas[0].id}")
        watch.expect(f"[watch] watching katas/{second.id}/ for saves - current: "
                     f"{second.katas[0].id}")
        kata = workspace / "katas" / second.katas[0].relpath
        save(kata, committed_reference(second.katas[0].id))
        watch.expect(f"[watch] {second.katas[0].id}: passed - mastered")
        watch.send("q\n")
        assert watch.proc.wait(timeout=120) == 0
    finally:
        watch.close()
    assert _processes_in(workspace) == []
    with ProgressStore(home) as store:
        assert store.states()[first.katas[0].id].hints_used == 0


@pytest.mark.slow  # a watch process grading real saves
def test_watching_a_chapter_starts_at_its_first_kata_not_mastered(workspace: Path):
    from pytest_numkata.packs import catalogue
    from pytest_numkata.progress.outcomes import Outcome
    from pytest_numkata.progress.store import Attempt

    chapter = catalogue.load().chapters[0]
    home = workspace / ".numkata"
    home.mkdir()
    with ProgressStore(home) as store:  # the first kata mastered, the second one next
        store.record_run([Attempt(kata=chapter.katas[0].id, outcome=Outcome.PASSED,
                                  checks_total=1)])
    watch = WatchProcess(workspace, chapter.id)
    try:
        watch.expect(f"[watch] {chapter.katas[1].id}: not attempted")
        watch.expect(f"current: {chapter.katas[1].id}")
        watch.send("q\n")
        assert watch.proc.wait(timeout=120) == 0
    finally:
        watch.close()
    assert _processes_in(workspace) == []


def test_which_kata_watch_makes_current(tmp_path: Path):
    from pytest_numkata.packs import catalogue
    from pytest_numkata.progress.outcomes import Outcome
    from pytest_numkata.progress.standing import Standing
    from pytest_numkata.progress.store import Attempt

    cat = catalogue.load()
    ch0, ch1 = cat.chapters[0], cat.chapters[1]

    def standing(mastered):
        with ProgressStore(tmp_path) as store:
            store.record_run([Attempt(kata=k.id, outcome=Outcome.PASSED, checks_total=1)
                              for k in mastered])
        return Standing.load(cat, tmp_path)

    fresh = standing([])
    assert fresh.next_kata(None) == fresh.next_kata(ch0.id) == ch0.katas[0]
    assert fresh.kata_after(ch0.katas[0], ch0.id) == ch0.katas[1]
    assert fresh.kata_after(ch0.katas[-1], ch0.id) == ch0.katas[0]  # wraps around
    assert fresh.next_elsewhere(ch0.id) is None  # ch01 is locked
    done = standing(ch0.katas)
    assert done.next_kata(ch0.id) is None
    assert done.kata_after(ch0.katas[0], ch0.id) is None
    assert done.next_elsewhere(ch0.id) == ch1.katas[0]
    assert done.next_kata(None) == ch1.katas[0]
