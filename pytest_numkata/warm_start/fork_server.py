"""A warm process that runs ``python -m MODULE ARGS...`` commands as forked children of itself.

A cold ``python -m pytest`` over a few katas spends about 0.8 s of CPU importing pytest, its
plugins, NumPy, SciPy, hypothesis and the hidden checks, and starting a learners' zygote; the
grading itself often costs less. ``ForkServer`` starts one server process that does all of that
once (``preload.session``, then ``sandbox.process.start_zygote``) and then, for each command it
is sent, forks:

- a *watcher*, which forks the *run* and reports its pid, then its exit status, back over the
  caller's connection (and kills the run's process group if the caller goes away);
- the *run*, in a session and process group of its own (made before its pid is reported), killed
  if its watcher is (``PR_SET_PDEATHSIG``), with the caller's working directory,
  environment (``os.environ`` is replaced), ``sys.path`` as ``python -m`` would build it there
  (the directory, ``PYTHONPATH``, then the interpreter's own), standard streams on the
  caller's files, fresh random seeds, and ``sys.argv`` as ``python -m`` sets it. It runs the
  module with ``runpy`` and ends with the module's exit status, after ``atexit`` handlers.

``run`` waits for the run and returns its output, as ``subprocess.run`` would; ``spawn``
returns it at once, as ``subprocess.Popen`` would, with its output on the caller's descriptors.
A server serves only processes of its own user.

So each run is a separate process that starts with everything loaded: a fault in it ends it
alone, as a fault in a cold process would. What a fork cannot give a run is a fresh
interpreter: modules the server loaded are not imported again, so a run sees them as the server
left them (the reason the server loads them in a pytest session of its own, and loads nothing
that reads the environment at import time differently from a run). Distributions installed
after the server started are found (``importlib.metadata`` looks at ``sys.path`` each time),
but a ``.pth`` file they add is not read: start a new server after such an install.

The server runs this file as a script, so that nothing of ``pytest_numkata`` is imported
before its pytest session (an imported package cannot be rewritten for assertions, and pytest
would warn about it in every run). Where ``os.fork`` or ``socket.send_fds`` is missing
(Windows), ``ForkServer.start`` returns False and callers start cold processes instead.
"""

from __future__ import annotations

import json
import os
import select
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

READY = b"ready\n"
HEADER = struct.Struct("!I")  # the length of the JSON request that follows
MAX_REQUEST = 1 << 22
START_TIMEOUT = 120.0  # seconds for the server to load everything and listen


# ---------------------------------------------------------------------------- the caller's side
class ForkServer:
    """A warm server process and the commands run through it (see the module's text)."""

    def __init__(self, root: Path, *, modules: list[str] | None = None, zygote: bool = True,
                 env: dict[str, str] | None = None, address: str | None = None,
                 idle: float | None = None):
        """``root``: an empty directory for the server's own pytest session; ``modules``: what
        it imports in that session (by default the heavy libraries and every hidden checks
        module of the installed packs); ``zygote``: start the learners' zygote there, shared
        by every run; ``env``: the server's environment (by default this process's);
        ``address``: where it listens (by default ``root/server.sock``; an abstract name,
        ``"\0..."``, is out of reach of a learner process Landlock ABI 6+ confines); ``idle``:
        seconds without a run after which the server ends (by default it waits for
        ``close``, or for this process's end)."""
        self.root = Path(root)
        self.modules = modules
        self.zygote = zygote
        self.env = dict(os.environ if env is None else env)
        self.process: subprocess.Popen | None = None
        self.address: str | None = address
        self.idle = idle

    @staticmethod
    def available() -> bool:
        return hasattr(os, "fork") and hasattr(socket, "send_fds")

    def start(self) -> bool:
        """Start the server and wait until it listens; False where it cannot run here."""
        if self.process is not None:
            return True
        if not self.available():
            return False
        _prepare_root(self.root)
        self.address = self.address or str(self.root / "server.sock")
        config = {"address": self.address, "root": str(self.root), "modules": self.modules,
                  "zygote": self.zygote, "idle": self.idle}
        with open(self.root / "server.log", "ab") as log:  # what the server itself says
            self.process = subprocess.Popen(
                [sys.executable, __file__, json.dumps(config)], cwd=self.root, env=self.env,
                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=log)
        ready, _, _ = select.select([self.process.stdout], [], [], START_TIMEOUT)
        line = self.process.stdout.readline() if ready else b""
        if line != READY:
            self.close()
            return False
        return True

    def spawn(self, args: list[str], *, cwd: str | os.PathLike, env: dict[str, str] | None = None,
              stdout: int, stderr: int) -> WarmRun:
        """Start ``python ARGS`` (``args`` start with ``-m MODULE``) in a forked child whose
        standard output and error are the descriptors ``stdout`` and ``stderr`` and whose input
        is empty; return it as soon as it runs (``WarmRun``: a pid, ``wait``, ``poll``)."""
        if self.process is None:
            raise RuntimeError("the fork server is not running: call start() first")
        if len(args) < 2 or args[0] != "-m":
            raise ValueError(f"only 'python -m MODULE ...' commands run warm, not {args!r}")
        request = {"args": list(args), "cwd": os.fspath(Path(cwd).resolve()),
                   "env": dict(os.environ if env is None else env)}
        body = json.dumps(request).encode()
        null = os.open(os.devnull, os.O_RDONLY)
        conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            conn.connect(self.address)
            socket.send_fds(conn, [HEADER.pack(len(body))], [null, stdout, stderr])
            conn.sendall(body)
            return WarmRun(conn, [sys.executable, *args])
        except BaseException:
            conn.close()
            raise
        finally:
            os.close(null)

    def run(self, args: list[str], *, cwd: str | os.PathLike, env: dict[str, str] | None = None,
            timeout: float | None = None) -> subprocess.CompletedProcess:
        """Run ``python ARGS`` (``args`` start with ``-m MODULE``) in a forked child: a
        ``CompletedProcess`` with the output as text, like ``subprocess.run(...,
        capture_output=True, text=True, errors="replace")``, standard input empty. On
        ``timeout`` the run's process group is killed and ``subprocess.TimeoutExpired``
        raised."""
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            run = self.spawn(args, cwd=cwd, env=env, stdout=out.fileno(), stderr=err.fileno())
            try:
                code = run.wait(timeout)
            except subprocess.TimeoutExpired:
                _kill_group(run.pid)
                raise
            finally:
                run.close()
            return subprocess.CompletedProcess(run.args, code, _text(out), _text(err))

    def close(self) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()

    def __enter__(self) -> ForkServer:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class WarmRun:
    """A run ``ForkServer.spawn`` started: what a caller needs of a ``subprocess.Popen``. Its
    ``pid`` leads the run's own session and process group; closing it (or this process
    ending) before the run has ended makes the server kill that group."""

    def __init__(self, conn: socket.socket, args: list[str]):
        self.args = args
        self.returncode: int | None = None
        self._conn = conn
        # unbuffered: a line already read ahead would be invisible to select
        self._reader = conn.makefile("rb", buffering=0)
        message = self._message(START_TIMEOUT)
        if message is None or "pid" not in message:
            raise RuntimeError("the fork server did not start the run")
        self.pid: int = int(message["pid"])

    def _message(self, timeout: float | None) -> dict | None:
        """The server's next line; None when ``timeout`` passes first."""
        ready, _, _ = select.select([self._conn], [], [], timeout)
        if not ready:
            return None
        line = self._reader.readline()
        if not line:
            raise RuntimeError("the fork server dropped a run without its exit status")
        return json.loads(line)

    def wait(self, timeout: float | None = None) -> int:
        """The run's exit status; ``subprocess.TimeoutExpired`` if it has not ended within
        ``timeout`` seconds (it goes on running)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.returncode is None:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            message = self._message(left)
            if message is None:
                raise subprocess.TimeoutExpired(self.args, timeout)
            if "status" in message:
                self.returncode = int(message["status"])
        return self.returncode

    def poll(self) -> int | None:
        try:
            return self.wait(0)
        except subprocess.TimeoutExpired:
            return None

    def close(self) -> None:
        self._reader.close()
        self._conn.close()


def _prepare_root(root: Path) -> Path:
    """The server's own (empty) kata tree, where its preloading pytest session runs."""
    (root / "katas").mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text(
        '[tool.pytest.ini_options]\nnumkata_katas = "katas"\n', encoding="utf-8")
    return root


def _text(handle) -> str:
    handle.seek(0)
    return handle.read().decode("utf-8", "replace")


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except OSError:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


# ---------------------------------------------------------------------------- the server's side
def _serve(config: dict) -> None:
    parent = os.getppid()  # now, while the caller waits for READY: it cannot be gone yet
    resident = bool(config.get("resident"))
    if resident:  # resident.py: detached, named by an abstract socket, ends when idle
        claim = _claim(config["address"])
        root = _prepare_root(Path(tempfile.mkdtemp(prefix="numkata-warm-")))
        os.chdir(root)  # its preloading session collects here (nothing), not in "/"
    else:
        root = Path(config["root"])
    own_paths = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    # A script's own folder leads sys.path; a run gets the path python -m would give it.
    script_dir = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != script_dir]
    base_path = [p for p in sys.path if p not in own_paths]
    _preload(root, config.get("modules"), bool(config.get("zygote")))
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        listener.bind(config["address"])
    except OSError:
        if not resident:
            raise
        _leave(root)  # another server took the name meanwhile
    listener.listen(64)
    snapshot = None
    if resident:
        snapshot = Snapshot()
        claim.close()
        signal.signal(signal.SIGTERM, lambda *_: _leave(root))
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
    else:
        signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
        # Ctrl-C in a terminal reaches the caller's whole process group, this server and its
        # watchers too: the caller decides what ends, and closes the server itself
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Watchers are reaped here, not left to the kernel, so that the CPU time of the runs
    # counts as this server's children's (and, once it ends, as its caller's children's).
    signal.signal(signal.SIGCHLD, _reap)
    listener.settimeout(1.0)
    started, runs, last = time.time(), 0, time.monotonic()
    if not resident:
        os.write(1, READY)
    while True:
        try:
            conn, _ = listener.accept()
        except (InterruptedError, TimeoutError):
            if not resident and os.getppid() != parent:  # its starter is gone: so is its use
                os._exit(0)
            if (config.get("idle") is not None and not _WATCHERS
                    and time.monotonic() - last > config["idle"]):
                _leave(root) if resident else os._exit(0)
            continue
        last = time.monotonic()
        conn.setblocking(True)
        if peer_uid(conn) != os.getuid():
            conn.close()  # only its own user's processes are served
            continue
        try:
            request, fds = _receive(conn)
        except (OSError, ValueError):
            conn.close()
            continue
        if resident and (request.get("control") or snapshot.changed()):
            for fd in fds:
                os.close(fd)
            what = request.get("control")
            if what == "status":
                answer = {"pid": os.getpid(), "started": started, "runs": runs,
                          "idle": config["idle"], "running": len(_WATCHERS)}
            else:
                answer = {"stopping": True} if what == "stop" else {"stale": True}
            try:
                conn.sendall(json.dumps(answer).encode() + b"\n")
            except OSError:
                pass
            conn.close()
            if what != "status":  # stopped, or what it loaded has changed
                _leave(root)
            continue
        runs += 1
        # SIGCHLD waits until the watcher is on the list, so that its end takes it off
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGCHLD})
        watcher = os.fork()
        if watcher == 0:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGCHLD})
            _watch(listener, conn, request, fds, base_path)  # never returns
        _WATCHERS.add(watcher)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGCHLD})
        conn.close()
        for fd in fds:
            os.close(fd)


_WATCHERS: set[int] = set()


def _claim(address: str) -> socket.socket:
    """A resident server's claim on its name while it loads (an abstract name beside the one
    it will listen on); a second server started meanwhile finds it taken and leaves."""
    claim = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        claim.bind(address + "-starting")
    except OSError:
        os._exit(0)
    return claim


def _leave(root: Path) -> None:
    import shutil

    shutil.rmtree(root, ignore_errors=True)
    os._exit(0)


_CRED = struct.Struct("3i")  # struct ucred: pid, uid, gid


def peer_uid(sock: socket.socket) -> int | None:
    try:
        _, uid, _ = _CRED.unpack(sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED,
                                                 _CRED.size))
    except (OSError, struct.error):
        return None
    return uid


class Snapshot:
    """What the server loaded, to notice when it changes: every loaded module's file and every
    folder on ``sys.path`` (a new ``.pth`` file, a package installed), by mtime and size."""

    def __init__(self):
        paths = {getattr(m, "__file__", None) for m in list(sys.modules.values())}
        paths.update(p for p in sys.path if p)
        self.stats = {p: self._stat(p) for p in paths if isinstance(p, str)}

    @staticmethod
    def _stat(path: str):
        try:
            st = os.stat(path)
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size)

    def changed(self) -> bool:
        return any(self._stat(p) != seen for p, seen in self.stats.items())


def _reap(*_) -> None:
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        _WATCHERS.discard(pid)


_die_with_parent = None  # sandbox.limits.die_with_parent, once the package is loaded


def _preload(root: Path, modules, zygote: bool) -> None:
    """Everything a run would load, loaded once, in a pytest session (see the module's text):
    ``preload.py`` is run from its file, so ``pytest_numkata`` is first imported inside it."""
    import gc
    import runpy

    preload = runpy.run_path(str(Path(__file__).with_name("preload.py")))
    if modules is None:
        modules = preload["every_module"]
    package_parent = str(Path(__file__).resolve().parent.parent.parent)
    sys.path.append(package_parent)  # where this file's package is, if not installed
    global _die_with_parent
    try:
        preload["session"](modules, root, ["--numkata-unlock-all"])
        from pytest_numkata.sandbox.limits import die_with_parent

        _die_with_parent = die_with_parent  # for each run, in its watcher's child
        if zygote:
            from pytest_numkata.sandbox import process

            process.start_zygote()
        try:
            from pytest_numkata.judge.examples import warm_strategies, warm_up

            warm_up()
            warm_strategies(preload["checks_modules"]())  # those imported
        except Exception:  # noqa: BLE001 - each run warms up for itself then
            pass
        try:
            from pytest_numkata.report import load_templates

            load_templates()  # the report each recorded run writes
        except Exception:  # noqa: BLE001 - each run loads them for itself then
            pass
    finally:
        sys.path.remove(package_parent)
    gc.collect()
    gc.freeze()


def _receive(conn: socket.socket) -> tuple[dict, list[int]]:
    data, fds, _, _ = socket.recv_fds(conn, HEADER.size, 3)
    if len(data) != HEADER.size or len(fds) != 3:
        for fd in fds:
            os.close(fd)
        raise ValueError("a request without its header and three descriptors")
    (size,) = HEADER.unpack(data)
    if size > MAX_REQUEST:
        raise ValueError("request too large")
    body = b""
    while len(body) < size:
        chunk = conn.recv(size - len(body))
        if not chunk:
            raise ValueError("a request cut short")
        body += chunk
    return json.loads(body), fds


def _watch(listener: socket.socket, conn: socket.socket, request: dict, fds: list[int],
           base_path: list[str]) -> None:
    """The watcher: fork the run, report its pid and exit status; never returns."""
    try:
        listener.close()
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        watcher = os.getpid()
        started, leading = os.pipe()
        pid = os.fork()
        if pid == 0:
            conn.close()
            os.close(started)
            try:
                os.setsid()  # a session and process group of its own, like a cold process,
            finally:  # before its caller learns its pid
                os.close(leading)
            if _die_with_parent is not None:  # killing the caller's group with its server and
                _die_with_parent(watcher)  # watchers leaves no run (it has a session of its own)
            _run(request, fds, base_path)  # never returns
        os.close(leading)
        os.read(started, 1)  # end of file: the run leads its session (or has died)
        os.close(started)
        for fd in fds:
            os.close(fd)
        conn.sendall(json.dumps({"pid": pid}).encode() + b"\n")
        status = _wait_for(pid, conn)
        conn.sendall(json.dumps({"status": status}).encode() + b"\n")
    except BaseException:  # noqa: BLE001 - the caller sees the connection close
        pass
    finally:
        os._exit(0)


def _wait_for(pid: int, conn: socket.socket) -> int:
    """The run's exit status (as ``subprocess`` reports it); if the caller hangs up first, the
    run's process group is killed."""
    try:
        pidfd = os.pidfd_open(pid)
    except (AttributeError, OSError):
        pidfd = None
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        watched = [conn] + ([pidfd] if pidfd is not None else [])
        ready, _, _ = select.select(watched, [], [], 1.0 if pidfd is not None else 0.01)
        if conn in ready and not conn.recv(1, socket.MSG_PEEK):
            _kill_group(pid)  # the caller is gone (it timed out, or died)
    if pidfd is not None:
        os.close(pidfd)
    return os.waitstatus_to_exitcode(status)


def _run(request: dict, fds: list[int], base_path: list[str]) -> None:
    """The run: become what ``python -m MODULE ARGS`` would be in the caller's place."""
    code = 1
    try:
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
            os.close(fd)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        if isinstance(request.get("path"), list):  # the caller's own (resident.hand_over)
            sys.path[:] = [str(p) for p in request["path"]]
        else:
            extra = [p for p in request["env"].get("PYTHONPATH", "").split(os.pathsep) if p]
            sys.path[:] = [request["cwd"], *[os.path.abspath(p) for p in extra], *base_path]
        for stream in (sys.stdout, sys.stderr):  # as a cold process would buffer its files
            try:
                stream.reconfigure(line_buffering=stream.isatty())
            except (AttributeError, OSError, ValueError):
                pass
        _fresh_state()
        import runpy
        import warnings

        module, args = request["args"][1], request["args"][2:]
        sys.argv = [module, *args]  # runpy puts the module's file first
        # runpy warns when the module was imported before being run as __main__ (the server
        # may have loaded it): a cold process would not, so neither does this one
        warnings.filterwarnings("ignore", message=".*found in sys.modules after import",
                                category=RuntimeWarning)
        try:
            runpy.run_module(module, run_name="__main__", alter_sys=True)
            code = 0
        except SystemExit as exc:
            code = _exit_code(exc.code)
    except BaseException:  # noqa: BLE001 - report anything, as an interpreter would
        import traceback

        traceback.print_exc()
        code = 1
    finally:
        try:
            import atexit

            atexit._run_exitfuncs()
        except BaseException:  # noqa: BLE001
            pass
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except BaseException:  # noqa: BLE001
                pass
        os._exit(code)


def _fresh_state() -> None:
    """What a cold process would find afresh and the server's modules keep: the temporary
    directory (``TMPDIR``), the random seeds, the import system's view of the folders on
    ``sys.path``, and the installed kata packs (read from the environment: ``PYTHONPATH``,
    ``NUMKATA_CACHE``)."""
    import importlib
    import random

    tempfile.tempdir = None
    random.seed()
    warm = sys.modules.get("pytest_numkata.warm_start")
    if warm is not None:
        warm.forked_run = True  # a run started warm never hands itself over again
    if "numpy" in sys.modules:
        sys.modules["numpy"].random.seed()
    sys.path_importer_cache.clear()
    importlib.invalidate_caches()
    packs = sys.modules.get("pytest_numkata.packs")
    if packs is not None:
        packs.cache_clear()


def _exit_code(value) -> int:
    if value is None:
        return 0
    if isinstance(value, int):
        return value & 0xFF
    print(value, file=sys.stderr)
    return 1


if __name__ == "__main__":
    _serve(json.loads(sys.argv[1]))
