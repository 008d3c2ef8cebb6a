"""The judge's side of a learner process: starting it, talking to it, timing it, ending it.

``Zygote`` is a clean interpreter started once per pytest process (learner_main.py
``zygote``); ``LearnerProcess.start`` asks it to fork one confined learner per kata, or, where
there is no zygote (Windows, or ``NUMKATA_LEARNER_START=spawn``), starts one directly.

Every exchange goes through ``LearnerProcess.request``, which waits for the learner's answer
while watching two clocks: the CPU time the learner has spent in the current check (the
kata's time limit; a busy machine does not change it) and the wall-clock time (a backstop for
code that sleeps or waits). A learner that runs out of either is killed; one that dies, closes
its channel, or sends a frame that is too large or not plain data is reported as such. The
judge believes nothing the learner sends except answers to its own requests.
"""

from __future__ import annotations

import os
import re
import select
import signal
import socket
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

from . import wire
from .limits import TooSlow, cpu_seconds

LEARNER_MAIN = Path(__file__).with_name("learner_main.py")
STARTUP_LIMIT = 60.0  # seconds a learner may take to say hello (a cold zygote imports SciPy)
WALL_FACTOR, WALL_EXTRA = 4.0, 10.0
OUTPUT_FILE_BYTES = 64 * 1024 * 1024  # the learner's output file stops growing here


class LearnerTimeout(BaseException):
    """The learner used up its time. A BaseException: learner-facing ``except Exception``
    blocks in checks must not swallow it, and hypothesis must not shrink it."""

    def __init__(self, message: str, waiting: bool = False):
        super().__init__(message)
        self.waiting = waiting


class LearnerDied(BaseException):
    """The learner process ended (or broke the protocol) while the judge waited for it. A
    BaseException like LearnerTimeout: the check ends at once (hypothesis must not replay it
    against a process that is gone)."""


def signal_text(number: int) -> str:
    try:
        name = signal.Signals(number).name
    except ValueError:
        return f"signal {number}"
    meaning = {
        "SIGSEGV": "a segmentation fault - memory was read or written where it must not be",
        "SIGABRT": "an abort",
        "SIGBUS": "a bus error",
        "SIGFPE": "a floating-point exception",
        "SIGKILL": "being killed",
        "SIGXCPU": "running out of CPU time",
        "SIGXFSZ": "writing a file past its size limit",
    }.get(name)
    return f"{name} ({meaning})" if meaning else name


# ----------------------------------------------------------------------------- where it may read

def readable_paths() -> list[str]:
    """What a learner process may read: the Python installation and its packages, system
    libraries, and /dev, /proc, /sys - never the project's tree (checks, reference, progress)."""
    paths: set[str] = set()
    for key in ("stdlib", "platstdlib", "purelib", "platlib"):
        try:
            paths.add(sysconfig.get_paths()[key])
        except KeyError:
            pass
    for prefix in {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix}:
        paths.add(os.path.join(prefix, "lib"))
        paths.add(os.path.join(prefix, "bin"))
    for entry in sys.path:
        if entry.endswith("site-packages") or entry.endswith("dist-packages") or ".zip" in entry:
            paths.add(entry)
    paths.update(["/usr/lib", "/usr/lib64", "/lib", "/lib64", "/usr/share/zoneinfo",
                  "/etc/ld.so.cache", "/etc/localtime", "/dev", "/proc", "/sys/devices/system/cpu"])
    # A site-packages that holds numkata itself (a regular install) is opened entry by entry,
    # leaving out numkata's own package: its checks must stay unreadable.
    own = Path(__file__).resolve().parent.parent
    out: list[str] = []
    for path in sorted(paths):
        p = Path(path)
        try:
            inside = own.is_relative_to(p.resolve())
        except OSError:
            continue
        if inside and p.is_dir():
            for child in p.iterdir():
                if child.resolve() != own and not child.name.startswith(("numkata", "pytest_numkata")):
                    out.append(str(child))
        else:
            out.append(path)
    out.append(str(LEARNER_MAIN.parent))  # learner_main.py, wire.py, confine.py
    return out


# ----------------------------------------------------------------------------- what it imports

_IMPORT = re.compile(r"^[ \t]*(?:from[ \t]+([A-Za-z_][\w.]*)[ \t]+import|import[ \t]+([^\n#;]+))",
                     re.MULTILINE)


def imported_modules(source: str, limit: int = 40) -> list[str]:
    """The modules (and their parents) a kata's text seems to import, for the zygote to load
    before forking its learner. A loose reading of the text, not a parse: the zygote loads
    only names on its own list (learner_main.PRELOAD), so a wrong guess costs nothing."""
    names: list[str] = []
    for match in _IMPORT.finditer(source):
        if match.group(1):
            dotted = [match.group(1)]
        else:
            dotted = [part.split()[0] for part in match.group(2).split(",") if part.split()]
        for name in dotted:
            pieces = name.split(".")
            for end in range(1, len(pieces) + 1):
                candidate = ".".join(pieces[:end])
                if candidate not in names and len(candidate) <= 100:
                    names.append(candidate)
        if len(names) >= limit:
            break
    return names[:limit]


# ----------------------------------------------------------------------------- the zygote

class Zygote:
    """One warm interpreter per pytest process that forks learner processes on request."""

    def __init__(self):
        parent, child = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        env = dict(os.environ)
        env.pop("PYTHONPATH", None)
        self.process = subprocess.Popen(
            [sys.executable, "-I", str(LEARNER_MAIN), "zygote", str(child.fileno())],
            pass_fds=(child.fileno(),), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, env=env, start_new_session=True)
        child.close()
        self.ctrl = parent
        self.owner = os.getpid()

    def fork_learner(self, plan: dict, chan_fd: int, out_fd: int) -> bool:
        try:
            socket.send_fds(self.ctrl, [wire.dumps(plan)], [chan_fd, out_fd])
        except OSError:
            return False
        return True

    def alive(self) -> bool:
        if os.getpid() == self.owner:
            return self.process.poll() is None
        # a forked judge process cannot wait for a process that is not its child (Popen.poll
        # would take ECHILD for an exit): ask the kernel whether the zygote still exists
        try:
            os.kill(self.process.pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True

    def close(self) -> None:
        if os.getpid() != self.owner:
            return  # a forked judge child leaves the zygote to the process that started it
        try:
            self.ctrl.close()
        except OSError:
            pass
        try:
            self.process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


_zygote: Zygote | None = None


def _judge_cpus() -> list[int]:
    """The CPUs this judge may run on: its learner runs on the same ones (a judge pinned to
    one CPU takes turns with its learner there; a call costs a same-CPU wake-up)."""
    try:
        return sorted(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return []


def start_zygote() -> Zygote | None:
    """Start the zygote now (in the background) if this system can fork; idempotent.

    The zygote lives as long as the process that started it and is stopped at exit. It never
    runs kata code, so it serves every pytest run of that process and of the processes forked
    from it: a watch session's runs (each a forked child of the warm process) find it ready
    instead of starting one and waiting for NumPy to load in it."""
    global _zygote
    if os.environ.get("NUMKATA_LEARNER_START", "zygote") == "spawn":
        return None
    if _zygote is not None and not _zygote.alive():
        if _zygote.owner == os.getpid():
            _zygote.close()
        _zygote = None
    if _zygote is None and hasattr(os, "fork") and hasattr(socket, "send_fds"):
        try:
            _zygote = Zygote()
        except OSError:
            _zygote = None
        else:
            import atexit

            atexit.register(stop_zygote)
    return _zygote


def stop_zygote() -> None:
    global _zygote
    if _zygote is not None:
        _zygote.close()
        if _zygote.owner == os.getpid():
            _zygote = None


# ----------------------------------------------------------------------------- one learner

class LearnerProcess:
    """One confined learner process serving one kata, seen from the judge."""

    def __init__(self, *, memory_mb: int, cpu_budget: float, preload: list[str] = ()):
        self.tmpdir = tempfile.mkdtemp(prefix="numkata-learner-")
        self.out_path = os.path.join(self.tmpdir, ".output")
        self.out_fd = os.open(self.out_path, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_APPEND,
                              0o600)
        self.out_read_fd = os.open(self.out_path, os.O_RDONLY)
        self.out_pos = 0
        self.pid: int | None = None
        self.pidfd: int | None = None
        self.popen: subprocess.Popen | None = None
        self.rfd = self.wfd = -1
        self.sandbox = "none"
        self.buffer = bytearray()
        self.pending: tuple[bytearray, int] | None = None  # a large frame being read
        self.dead: str | None = None
        self.plan = {
            "tmpdir": self.tmpdir,
            "readable": readable_paths(),
            "writable": [self.tmpdir],
            "memory_margin": memory_mb * 1024 * 1024,
            "cpu_seconds": max(1, int(cpu_budget) + 1),
            "file_bytes": OUTPUT_FILE_BYTES,
            "preload": list(preload),
            "cpus": _judge_cpus(),
        }
        self.check_cpu0 = 0.0
        self.check_waited = 0.0

    # -- starting
    def start(self, limit: float) -> None:
        zygote = _zygote
        if zygote is not None and zygote.alive():
            judge_end, learner_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
            ok = zygote.fork_learner(self.plan, learner_end.fileno(), self.out_fd)
            learner_end.close()
            if ok:
                self._sock = judge_end
                self.rfd = self.wfd = judge_end.fileno()
            else:
                judge_end.close()
                self._spawn()
        else:
            self._spawn()
        hello = self._wait_frame(STARTUP_LIMIT, startup=True)
        if isinstance(hello, list) and hello and hello[0] == "exit":
            self.dead = "died"
            raise LearnerDied(f"the kata's process could not start ({hello[1:]})")
        if not (isinstance(hello, list) and len(hello) == 3 and hello[0] == "hello"
                and isinstance(hello[1], int) and isinstance(hello[2], str)):
            self.kill()
            raise LearnerDied("the kata's process did not start properly")
        if self.popen is None:
            self.pid = hello[1]
            try:
                self.pidfd = os.pidfd_open(self.pid)
            except (OSError, AttributeError):
                self.pidfd = None
        self.sandbox = hello[2][:100]
        self.begin_check()

    def _spawn(self) -> None:
        import json

        env = dict(os.environ)
        env.pop("PYTHONPATH", None)
        self.popen = subprocess.Popen(
            [sys.executable, "-I", str(LEARNER_MAIN), "serve", json.dumps(self.plan)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.out_fd, env=env,
            cwd=self.tmpdir, close_fds=True,
            start_new_session=hasattr(os, "setsid"))
        self.pid = self.popen.pid
        self.wfd = self.popen.stdin.fileno()
        self.rfd = self.popen.stdout.fileno()

    # -- clocks
    def cpu(self) -> float | None:
        if self.pid is None:
            return None
        return cpu_seconds(self.pid)

    def begin_check(self) -> None:
        self.check_cpu0 = self.cpu() or 0.0
        self.check_waited = 0.0  # wall-clock time spent waiting for the learner in this check

    def _expired(self, limit: float, waited: float) -> LearnerTimeout | None:
        wall = self.check_waited + waited
        cpu = self.cpu()
        if cpu is None:
            if wall >= limit:
                return LearnerTimeout(f"timed out after {limit:g} s")
            return None
        if cpu - self.check_cpu0 >= limit:
            return LearnerTimeout(f"timed out after {limit:g} s of computing")
        backstop = limit * WALL_FACTOR + WALL_EXTRA
        if wall >= backstop:
            return LearnerTimeout(f"timed out after {backstop:g} s of waiting (sleeping, or "
                                  f"waiting for input that never comes?)", waiting=True)
        return None

    # -- frames
    def send(self, message, register=None, encoder=None) -> None:
        """``encoder``: the one that packed values inside ``message`` (their large arrays
        ride with it)."""
        parts = (encoder or wire.Encoder(register)).frame(message)
        try:
            wire.write_frame(self.wfd, parts)
        except OSError as exc:
            raise self._died() from exc

    def _wait_frame(self, limit: float, startup: bool = False, call_wall: float | None = None):
        started = time.monotonic()
        try:
            return self._wait_frame_since(started, limit, startup, call_wall)
        finally:
            if not startup:
                self.check_waited += time.monotonic() - started

    def _wait_frame_since(self, started: float, limit: float, startup: bool,
                          call_wall: float | None):
        while True:
            frame = self._take_frame()
            if frame is not None:
                try:
                    return wire.loads(frame, copy_arrays=False)  # views of a fresh buffer
                except wire.ProtocolError as exc:
                    self.kill()
                    self.dead = "protocol"
                    raise LearnerDied(f"the kata's process sent something that is not plain "
                                      f"data ({exc}); it was stopped") from exc
            waited = time.monotonic() - started
            interval = 0.02 if waited < 0.2 else 0.1
            ready, _, _ = select.select([self.rfd], [], [], interval)
            if ready:
                try:
                    count = self._read_some()
                except OSError:
                    count = 0
                if not count:
                    raise self._died()
                continue
            if startup:
                if waited >= limit:
                    self.kill()
                    raise LearnerDied("the kata's process did not start in time")
                continue
            if call_wall is not None and waited >= call_wall:
                self.kill()
                self.dead = "timeout"
                raise CallTooSlow(call_wall)
            expired = self._expired(limit, waited)
            if expired is not None:
                self.kill()
                self.dead = "timeout"
                raise expired

    def _check_header(self) -> None:
        if len(self.buffer) >= wire.HEADER.size:
            (size,) = wire.HEADER.unpack_from(self.buffer)
            if size > wire.MAX_FRAME:
                self.kill()
                self.dead = "protocol"
                raise LearnerDied(f"the kata's process sent a message of {size} bytes, over the "
                                  f"{wire.MAX_FRAME // (1024 * 1024)} MB limit; it was stopped")

    def _read_some(self) -> int:
        """Read what the channel holds; 0 at its end. A large frame, once its length is
        known, is read straight into a buffer of its size (no growing, no copies)."""
        if self.pending is not None:
            frame, filled = self.pending
            count = wire.readinto(self.rfd, memoryview(frame)[filled:])
            self.pending = (frame, filled + count)
            return count
        chunk = os.read(self.rfd, 1 << 20)
        self.buffer += chunk
        self._check_header()
        if len(self.buffer) >= wire.HEADER.size:
            (size,) = wire.HEADER.unpack_from(self.buffer)
            have = len(self.buffer) - wire.HEADER.size
            # (up to 64 MB: a length the learner claims is not allocated before it is sent)
            if have < size and 1 << 20 <= size <= 64 << 20:
                frame = bytearray(size)
                frame[:have] = memoryview(self.buffer)[wire.HEADER.size:]
                self.buffer = bytearray()
                self.pending = (frame, have)
        return len(chunk)

    def _take_frame(self) -> bytearray | None:
        if self.pending is not None:
            frame, filled = self.pending
            if filled < len(frame):
                return None
            self.pending = None
            return frame
        if len(self.buffer) < wire.HEADER.size:
            return None
        (size,) = wire.HEADER.unpack_from(self.buffer)
        end = wire.HEADER.size + size
        if len(self.buffer) < end:
            return None
        frame = self.buffer[wire.HEADER.size:end]
        del self.buffer[:end]
        return frame

    def request(self, message, limit: float, register=None, on_callback=None,
                call_wall: float | None = None, encoder=None):
        """Send ``message`` and return the learner's answer, serving callbacks meanwhile."""
        if self.dead:
            raise LearnerDied("the kata's process is no longer running")
        self.send(message, register, encoder)
        while True:
            reply = self._wait_frame(limit, call_wall=call_wall)
            if not isinstance(reply, list) or not reply or not isinstance(reply[0], str):
                self.kill()
                self.dead = "protocol"
                raise LearnerDied("the kata's process answered out of turn; it was stopped")
            if reply[0] == "exit":
                raise self._died(reply[1] if len(reply) > 1 else None)
            if reply[0] == "callback" and on_callback is not None and len(reply) == 4:
                answer = on_callback(reply[1], reply[2], reply[3])
                self.send(answer, register)
                continue
            return reply

    def _died(self, status=None) -> LearnerDied:
        """What to say once the learner has gone; ``status`` is the zygote's word for it."""
        if not isinstance(status, int) and self.popen is not None:
            try:
                status = self.popen.wait(timeout=2)
            except subprocess.TimeoutExpired:
                status = None
        self.kill()
        self.dead = self.dead or "died"
        if not isinstance(status, int):
            return LearnerDied("the kata's process closed its channel and stopped answering")
        if status < 0:
            return LearnerDied(f"the kata's process died of {signal_text(-status)}")
        return LearnerDied(f"the kata's process exited with status {status} in the middle of a "
                           f"call (os._exit or a hard exit in the kata's code?): a kata must "
                           f"return, not end the program")

    # -- output
    def read_output(self, limit: int) -> tuple[str, int]:
        """New output since the last read: (at most ``limit`` characters, characters cut)."""
        try:
            size = os.fstat(self.out_read_fd).st_size
        except OSError:
            return "", 0
        fresh = size - self.out_pos
        if fresh <= 0:
            return "", 0
        if limit <= 0:
            self.out_pos = size
            return "", fresh
        data = os.pread(self.out_read_fd, min(fresh, limit * 4), self.out_pos)
        self.out_pos = size
        text = data.decode("utf-8", "replace")
        cut = max(0, fresh - len(data))
        if len(text) > limit:
            cut += len(text) - limit
            text = text[:limit]
        return text, cut

    # -- ending
    def kill(self) -> None:
        if self.popen is not None:
            for send in (lambda: os.killpg(self.popen.pid, signal.SIGKILL), self.popen.kill):
                try:
                    send()
                except (OSError, AttributeError):
                    pass
            try:
                self.popen.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
            return
        if self.pidfd is not None:
            try:
                signal.pidfd_send_signal(self.pidfd, signal.SIGKILL)
            except (OSError, AttributeError):
                pass
            select.select([self.pidfd], [], [], 2.0)  # until it is gone
        elif self.pid is not None:
            try:
                os.killpg(self.pid, signal.SIGKILL)
            except OSError:
                pass

    def close(self) -> None:
        """End the learner (it may already be gone) and remove its files."""
        if self.dead is None and self.pid is not None:
            try:
                self.send(["bye"])
            except (LearnerDied, OSError):
                pass
        self.kill()
        for fd in (self.pidfd, self.out_fd, self.out_read_fd):
            if fd is not None and fd >= 0:
                try:
                    os.close(fd)
                except OSError:
                    pass
        sock = getattr(self, "_sock", None)
        if sock is not None:
            sock.close()
        if self.popen is not None:
            for stream in (self.popen.stdin, self.popen.stdout):
                try:
                    stream.close()
                except (OSError, AttributeError):
                    pass
        import shutil

        shutil.rmtree(self.tmpdir, ignore_errors=True)
        self.dead = self.dead or "closed"


class CallTooSlow(TooSlow):
    """One call ran past a check's own wall-clock budget for it (see limits.time_limit)."""

    def __init__(self, seconds: float):
        super().__init__(f"did not finish within {seconds:g} s")
        self.seconds = seconds

