"""Grading katas side by side in forked judge processes.

For each kata, the checks selected for this run are executed in one forked judge process
(about 7 ms a fork here), up to ``jobs`` at once. A judge process runs pytest's normal test
protocol for each check - the checks, their oracles, hypothesis - and streams the reports back
over a pipe as JSON. The learner's code is not here: it runs in a learner process of its own
(``pytest_numkata.sandbox``), whose limits the judge process enforces. This runner watches the
judge processes themselves, as a backstop for the checks' own work:

- a judge process that computes for longer than its limit (generous: the checks' oracles, not
  the learner, are timed here) is failed with "timed out" and killed;
- a judge process that dies fails the running check with what happened; the kata's remaining
  checks are graded in a fresh one;
- captured output in the reports is truncated; a line on the pipe that is not a report fails
  the kata instead of the run;
- whatever a kata's checks change in their process disappears with it.

Without ``os.fork`` (Windows) the checks run in the pytest process, the learner still in its
own process. ``NUMKATA_DEBUG_JUDGE=1`` prints the traceback of a judge process that fails
(numkata's own debugging).
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import select
import signal
import sys
import time
import warnings

from _pytest.reports import TestReport
from _pytest.runner import runtestprotocol

from ..sandbox.limits import (MB, Limits, cpu_seconds, current_cpu, die_with_parent,
                              lower_soft_limit)

MAX_SECTION = 4000  # characters of captured output kept per section


def fork_available() -> bool:
    return hasattr(os, "fork")


def _signal_name(number: int) -> str:
    from ..sandbox.process import signal_text

    return signal_text(number)


MAX_FILE_BYTES = 256 * 1024 * 1024  # no single file (captured output included) grows past this


def _cap_memory(memory_mb: int) -> None:
    try:
        import resource
    except ImportError:  # pragma: no cover - not on POSIX
        return
    try:  # an output flood gets "File too large" instead of filling the disk
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (MAX_FILE_BYTES, resource.RLIM_INFINITY))
    except (ValueError, OSError, AttributeError):
        pass
    lower_soft_limit(memory_mb * MB)


def _private_capture(config) -> None:
    """Give this child capture files of its own: children run side by side, and output must
    neither mix between katas nor be left behind in the parent's files when a child is killed."""
    capman = config.pluginmanager.getplugin("capturemanager")
    if capman is None or not capman.is_globally_capturing():
        return
    capman._global_capturing = None  # the inherited files stay the parent's; never touched here
    capman.start_global_capturing()


def _truncate_sections(report: TestReport) -> None:
    kept = []
    for name, text in report.sections:
        if len(text) > MAX_SECTION:
            cut = len(text) - MAX_SECTION
            text = text[:MAX_SECTION] + f"\n... ({cut} more characters of output cut)\n"
        kept.append((name, text))
    report.sections = kept


def _cpu_for_next_judge(taken: set[int]) -> int | None:
    """The CPU a new judge process is pinned to, or None to leave it to the kernel.

    A judge's learner process adopts the judge's affinity (``LearnerProcess``), so a pinned
    pair takes turns on one CPU: a call wakes a process on the same CPU (about 8 us a round
    trip here) instead of waking an idle CPU (about 100 us). The two never compute at once, so
    nothing is lost. The first judge goes on the CPU this process runs on (where the kernel
    balanced it, also among other graders on the machine); judges side by side take the
    CPUs their siblings left free.
    """
    try:
        allowed = sorted(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return None
    if len(allowed) < 2:
        return None
    here = current_cpu()
    if here is not None and here in allowed and here not in taken:
        return here
    free = [cpu for cpu in allowed if cpu not in taken]
    return free[0] if free else None


def _child(items, write_fd: int, limits: Limits, config, parent_pid: int,
           cpu: int | None = None) -> None:
    """Run ``items`` in this (forked) process and send their reports; never returns."""
    status = 0
    die_with_parent(parent_pid)  # a grading child must not outlive the run
    if cpu is not None:
        with contextlib.suppress(OSError):
            os.sched_setaffinity(0, {cpu})
    try:
        os.setpgid(0, 0)  # its own process group: a timeout kills what it spawned, too
    except OSError:
        pass
    try:
        import faulthandler

        faulthandler.disable()  # a crash is reported by the parent, not dumped on the terminal
        _private_capture(config)
        _cap_memory(limits.memory_mb)
        out = os.fdopen(write_fd, "w", buffering=1)
        loaded = None
        for index, item in enumerate(items):
            module = _kata_module(item)
            if module is not loaded:
                # Load each kata's file before its first check, so a hang or crash at import
                # is told apart from one in a check. A load *error* is not fatal here: the
                # checks report it kindly. (The kata before it ended with its last check:
                # pytest tore down its learner process.)
                out.write(json.dumps({"loading": item.nodeid}) + "\n")
                out.flush()
                if module is not None:
                    module.learner_module()
                out.write(json.dumps({"loaded": True}) + "\n")
                out.flush()
                loaded = module
            nextitem = items[index + 1] if index + 1 < len(items) else None
            out.write(json.dumps({"start": item.nodeid}) + "\n")
            out.flush()
            reports = runtestprotocol(item, nextitem=nextitem, log=False)
            payload = []
            for report in reports:
                _truncate_sections(report)
                payload.append(config.hook.pytest_report_to_serializable(config=config, report=report))
            out.write(json.dumps({"reports": payload}) + "\n")
            out.flush()
        out.close()
    except BaseException:  # noqa: BLE001 - anything here ends the child, the parent reports it
        status = 70
        if os.environ.get("NUMKATA_DEBUG_JUDGE"):
            import traceback

            traceback.print_exc()
    finally:
        os._exit(status)


def _kata_module(item):
    from .collection import KataModule

    return item.getparent(KataModule)


def _kata_id(item) -> str | None:
    module = _kata_module(item)
    return module.kata.id if module is not None else None


def _display(item) -> str:
    module = _kata_module(item)
    return module.display_path if module is not None else item.nodeid


def _synthetic(item, outcome: str, message: str, duration: float) -> list[TestReport]:
    common = dict(nodeid=item.nodeid, location=item.location, keywords={},
                  user_properties=list(item.user_properties))
    call_longrepr = message if outcome == "failed" else (str(item.path), None, message)
    return [
        TestReport(outcome="passed", longrepr=None, when="setup", duration=0.0, **common),
        TestReport(outcome=outcome, longrepr=call_longrepr, when="call", duration=duration,
                   **common),
        TestReport(outcome="passed", longrepr=None, when="teardown", duration=0.0, **common),
    ]


class _Clock:
    """Time limits for the check a child is running.

    The limit is on the CPU time the child spends, so a check gets the same verdict on a busy
    machine as on an idle one; a wall-clock backstop (several times longer) catches code that
    waits without computing - ``time.sleep``, ``input()``, a lock. Where CPU time cannot be read
    (no ``/proc``), the wall clock is the limit.
    """

    WALL_FACTOR = 4.0
    WALL_EXTRA = 10.0

    def __init__(self, pid: int, limit: float):
        self.pid, self.limit = pid, limit
        self.restart()

    def _cpu(self) -> float | None:
        return cpu_seconds(self.pid)

    def restart(self) -> None:
        self._wall0 = time.monotonic()
        self._cpu0 = self._cpu()

    def wall(self) -> float:
        return time.monotonic() - self._wall0

    def expired(self) -> str | None:
        """None while the check may go on, else the reason it was stopped."""
        wall = self.wall()
        if self._cpu0 is None:
            return f"timed out after {self.limit:g} s" if wall >= self.limit else None
        cpu = self._cpu()
        if cpu is not None and cpu - self._cpu0 >= self.limit:
            return f"timed out after {self.limit:g} s of computing"
        backstop = self.limit * self.WALL_FACTOR + self.WALL_EXTRA
        if wall >= backstop:
            return (f"timed out after {backstop:g} s of waiting (sleeping, or waiting for "
                    f"input that never comes?)")
        return None

    def poll_interval(self) -> float:
        return 0.1 if self.wall() < 1.0 else 0.25


class _Child:
    """One forked child grading some checks - of one kata, or of several small ones in turn -
    seen from the parent."""

    def __init__(self, pid: int, read_fd: int, items: list, limit: float):
        self.pid, self.read_fd, self.items = pid, read_fd, items
        self.by_id = {i.nodeid: i for i in items}
        self.buffer = b""
        self.current = None
        self.cpu: int | None = None  # the CPU it is pinned to
        self.done = False  # every report sent: about to exit
        self.loading = None  # the first check of the kata whose file it is loading
        self.kata: str | None = None  # the kata it is on, since when
        self.kata_started = time.monotonic()
        self.clock = _Clock(pid, limit)


class ForkRunner:
    """Grades katas in forked children, up to ``jobs`` at once, and hands out their reports.

    pytest's loop still logs every report in collection order. While it waits for a check's
    reports, the runner keeps every CPU slot busy with the katas no judge has yet, in the order
    it is given (``schedule``: the longest first), the waited-for kata among them.
    """

    def __init__(self, config, jobs: int = 1):
        self.config = config
        self.jobs = max(1, jobs)
        self._reports: dict[str, list[TestReport]] = {}
        self._running: list[_Child] = []
        self._queued: set[str] = set()  # nodeids some child has been given
        self._graded: set[str] = set()  # nodeids whose reports exist (handed out or not)
        self.walls: dict[str, float] = {}  # kata id -> seconds its judge processes took
        self._failed: set[str | None] = set()  # katas with a failed check

    def reports_for(self, item, batch, limits: Limits, waiting=()) -> list[TestReport]:
        """The reports of ``item``; ``batch`` is its kata's checks from item on, ``waiting`` an
        iterable of (batch, limits) for katas no judge has yet, in the order judges should take
        them up (``schedule``; item's own batch may be among them). Every CPU slot is kept busy
        in that order while pytest's loop waits for item."""
        waiting = iter(waiting)
        while item.nodeid not in self._graded:
            while self._busy() < self.jobs:
                nxt = next(waiting, None)
                if nxt is None:
                    break
                next_batch, next_limits = nxt
                if next_batch and next_batch[0].nodeid not in self._queued:
                    self._start(next_batch, next_limits)
            if item.nodeid not in self._queued and self._busy() < self.jobs:
                self._start(batch, limits)
            self._service()
        return self._reports.pop(item.nodeid)

    def _busy(self) -> int:
        """Judges still grading (one that sent its last report is about to exit)."""
        return sum(1 for child in self._running if not child.done)

    def close(self) -> None:
        """End every child still running (the session stopped early: -x, Ctrl-C)."""
        for child in list(self._running):
            self._kill(child.pid)
            os.close(child.read_fd)
        self._running.clear()

    # ------------------------------------------------------------------ children
    def _start(self, items, limits: Limits) -> None:
        read_fd, write_fd = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        parent_pid = os.getpid()
        cpu = _cpu_for_next_judge({c.cpu for c in self._running
                                   if c.cpu is not None and not c.done})
        gc.freeze()  # the child's collections leave the inherited heap alone (no copy-on-write)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # fork with threads
            pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the child
            os.close(read_fd)
            for other in self._running:  # not this child's business
                with contextlib.suppress(OSError):
                    os.close(other.read_fd)
            _child(items, write_fd, limits, self.config, parent_pid, cpu)
        os.close(write_fd)
        child = _Child(pid, read_fd, list(items), limits.timeout)
        child.cpu = cpu
        child.limits = limits
        self._running.append(child)
        self._queued.update(i.nodeid for i in items)

    def _service(self) -> None:
        """Wait a little for any child; handle what arrived, time-outs and deaths."""
        for child in list(self._running):
            verdict = child.clock.expired()
            if verdict:
                self._timed_out(child, verdict)
        if not self._running:
            return
        interval = min(c.clock.poll_interval() for c in self._running)
        ready, _, _ = select.select([c.read_fd for c in self._running], [], [], interval)
        for child in [c for c in self._running if c.read_fd in ready]:
            chunk = os.read(child.read_fd, 1 << 16)
            if not chunk:  # the child closed the pipe: finished or died
                self._finished(child)
                continue
            child.buffer += chunk
            while b"\n" in child.buffer:
                line, child.buffer = child.buffer.split(b"\n", 1)
                try:
                    message = json.loads(line)
                    self._message(child, message)
                except (ValueError, KeyError, TypeError, AttributeError):
                    self._garbled(child)
                    break

    def _message(self, child: _Child, message: dict) -> None:
        if "loading" in message:
            child.loading = child.by_id[message["loading"]]
            child.clock.restart()
            kata = _kata_id(child.loading)
            if child.kata is None:  # its first kata: timed from the fork
                child.kata = kata
            elif kata != child.kata:
                child.kata, child.kata_started = kata, time.monotonic()
        elif "loaded" in message:
            child.loading = None
            child.clock.restart()
        elif "start" in message:
            child.current = child.by_id[message["start"]]
            child.clock.restart()
        else:
            reports = [self.config.hook.pytest_report_from_serializable(config=self.config, data=d)
                       for d in message["reports"]]
            self._store(child.current, reports)
            kata = _kata_id(child.current)
            child.current = None
            if all(i.nodeid in self._graded for i in child.items if _kata_id(i) == kata):
                self._add_wall(kata, child)
            child.done = all(i.nodeid in self._graded for i in child.items)

    def _garbled(self, child: _Child) -> None:
        """A message that is not a report: the kata fails, the run goes on."""
        self._retire(child, kill=True)
        mine = self._in_trouble(child)
        self._fail_current(child.current, mine,
                           "the process grading this kata sent something that is not a report; "
                           "it was stopped", child.clock.wall())
        self._skip_rest(mine, "not graded: the process grading this kata was stopped")
        self._restart_others(child, mine)

    def _timed_out(self, child: _Child, verdict: str) -> None:
        """The judge process itself ran out of time (the learner's time is limited in the
        learner process): a fault of numkata's, reported as such, never a pass."""
        self._retire(child, kill=True)
        mine = self._in_trouble(child)
        why = (f": numkata's own work for this kata {verdict} - not a verdict on your code; "
               f"please report it")
        if child.loading is not None:
            self._fail_all(mine, f"while loading {_display(child.loading)}{why}",
                           child.clock.wall())
        else:
            self._fail_current(child.current, mine, f"the hidden check{why}", child.clock.wall())
            self._skip_rest(mine, "not graded: an earlier check of this kata timed out")
        self._restart_others(child, mine)

    def _finished(self, child: _Child) -> None:
        wait_status = self._retire(child, kill=False)
        if child.loading is not None:
            mine = self._in_trouble(child)
            self._fail_all(mine, f"while loading {_display(child.loading)}, "
                           + self._death_message(wait_status), child.clock.wall())
            self._restart_others(child, mine)
            return
        if child.current is not None or not all(i.nodeid in self._graded for i in child.items):
            self._fail_current(child.current, child.items, self._death_message(wait_status),
                               child.clock.wall())
            # a crash grades the check it hit; the other checks get a fresh child
            rest = [i for i in child.items if i.nodeid not in self._graded]
            if rest:
                self._start(rest, child.limits)

    def _in_trouble(self, child: _Child) -> list:
        """The checks of the kata a child was on when it failed (loading it, in one of its
        checks, or between two)."""
        item = child.loading or child.current or next(
            (i for i in child.items if i.nodeid not in self._graded), None)
        if item is None:
            return []
        kata = _kata_id(item)
        return [i for i in child.items if _kata_id(i) == kata]

    def _restart_others(self, child: _Child, mine: list) -> None:
        """The other katas a child was given (several small ones share a judge) are graded
        afresh in a new one: one kata's fault never touches another's verdict."""
        mine = {i.nodeid for i in mine}
        rest = [i for i in child.items if i.nodeid not in self._graded and i.nodeid not in mine]
        if rest:
            self._start(rest, child.limits)

    def _add_wall(self, kata: str | None, child: _Child) -> None:
        """A kata's time, once its last report arrives: only when every check passed (a
        failing kata often fails fast, and its time would make it look small next run)."""
        if kata is not None and kata not in self._failed:
            self.walls[kata] = self.walls.get(kata, 0.0) + time.monotonic() - child.kata_started

    def _retire(self, child: _Child, *, kill: bool) -> int:
        self._running.remove(child)
        os.close(child.read_fd)
        if kill:
            self._kill(child.pid)
            return 0
        _, wait_status = os.waitpid(child.pid, 0)
        return wait_status

    @staticmethod
    def _death_message(wait_status: int) -> str:
        if os.WIFSIGNALED(wait_status):
            cause = f"was ended by {_signal_name(os.WTERMSIG(wait_status))}"
        else:
            code = os.WEXITSTATUS(wait_status) if os.WIFEXITED(wait_status) else wait_status
            cause = f"exited with status {code}"
        return (f"the process judging this kata {cause} in the middle of a check - not a "
                f"verdict on your code (numkata's own fault, or the machine ran out of memory)")

    def _fail_current(self, current, items, message: str, duration: float) -> None:
        if current is None:
            # died between checks (e.g. at import of the next one): blame the next ungraded check
            current = next((i for i in items if i.nodeid not in self._graded), None)
            if current is None:
                return
        self._store(current, _synthetic(current, "failed", message, duration))

    def _fail_all(self, items, message: str, duration: float) -> None:
        """The kata could not even be loaded: one failure says why, the rest are not graded."""
        self._fail_current(None, items, message, duration)
        self._skip_rest(items, "not graded: the kata's file did not load")

    def _skip_rest(self, items, reason: str) -> None:
        for item in items:
            if item.nodeid not in self._graded:
                self._store(item, _synthetic(item, "skipped", reason, 0.0))

    def _store(self, item, reports: list[TestReport]) -> None:
        self._reports[item.nodeid] = reports
        self._graded.add(item.nodeid)
        if any(r.failed for r in reports):
            self._failed.add(_kata_id(item))

    @staticmethod
    def _kill(pid: int) -> None:
        for target in (lambda: os.killpg(pid, signal.SIGKILL), lambda: os.kill(pid, signal.SIGKILL)):
            try:
                target()
            except (ProcessLookupError, PermissionError, OSError):
                pass
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass


def log_reports(item, reports) -> None:
    item.ihook.pytest_runtest_logstart(nodeid=item.nodeid, location=item.location)
    for report in reports:
        item.ihook.pytest_runtest_logreport(report=report)
    item.ihook.pytest_runtest_logfinish(nodeid=item.nodeid, location=item.location)

