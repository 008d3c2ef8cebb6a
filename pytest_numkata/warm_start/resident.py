"""The resident server: a learner's next ``pytest`` run starts with everything already loaded.

A learner reruns ``pytest katas/ch04`` dozens of times an hour, and a cold run spends about
0.5 s of each importing NumPy, hypothesis and the hidden checks and starting a learners'
zygote before it grades anything. After a run in a terminal, numkata leaves a *resident
server* behind: a ``fork_server`` process, detached from the run, that has loaded all of that
once. The next ``pytest`` run in a kata tree finds it (``pytest_numkata.plugin``'s
``pytest_cmdline_main``) as soon as pytest has read its options, and hands the whole run over:
the server forks a child that runs ``python -m pytest`` with the run's own arguments, working
directory, environment, ``sys.path`` and terminal, and the run's exit status comes back as
its own. Ctrl-C is passed on. The run is graded exactly as a cold one is - the same judges,
the same learner processes and limits, the same progress store and report - it only starts
warm.

When a run may hand over (``unavailable``):
- ``NUMKATA_WARM`` is not ``off`` (``0``, ``no``, ``false``); ``auto`` is the default;
- the system has ``fork`` and file-descriptor passing (Linux), and Landlock ABI 6 or later:
  the server listens on an abstract Unix socket, which a confined learner process cannot reach
  (Landlock's scope for abstract sockets), so kata code can never ask the server for a run;
- the run is the ``pytest`` command itself, every path it collects is in the kata tree, and it
  is not an xdist worker or controller, not ``--pdb``/``--trace``, not
  ``--numkata-isolation=none``.

Who may use a server: only processes of the same user (the server checks its peer's uid, and
the client checks the server's, so another user cannot pose as one). Which server: its name
is a digest of the interpreter, numkata's folder and the environment variables that change
what gets imported or how (``PYTHON*``, ``PYTEST_*``, ``NUMKATA_*``, ``HYPOTHESIS_*``, the BLAS
thread settings, locale): a run with another environment finds no server and runs cold.

When a server is started: after a cold run in a kata tree whose output is a terminal (``auto``),
or after any cold run (``NUMKATA_WARM=on``), or by ``numkata warm start``. So a run in CI, in an
IDE or in numkata's own tests (output captured) leaves nothing behind unless asked.

When it ends: after ``IDLE_SECONDS`` without a run; at ``numkata warm stop``; and as soon as a
file it loaded changes (a module, or a ``sys.path`` folder gaining a ``.pth`` file: numkata
upgraded, a checks module edited) - that run, and the next, start cold, and the next cold run in
a terminal starts a fresh server.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import sys
import time
from pathlib import Path

ENV = "NUMKATA_WARM"
IDLE_SECONDS = 15 * 60
START_SECONDS = 120.0  # numkata warm start waits this long for a server to listen
# Environment variables that change what a process imports or how: part of the server's name.
KEY_PREFIXES = ("PYTHON", "PYTEST_", "NUMKATA_", "HYPOTHESIS_", "OMP_", "OPENBLAS_", "MKL_",
                "VECLIB_", "BLIS_", "NUMEXPR_", "LC_", "LD_", "COV_")
KEY_NAMES = ("LANG", "LANGUAGE")
KEY_IGNORED = (ENV, "PYTEST_VERSION", "PYTEST_CURRENT_TEST")  # set by the run itself, or ours


def mode(env) -> str:
    """``off``, ``on`` or ``auto`` (the default, and anything else)."""
    value = str(env.get(ENV, "auto")).strip().lower()
    if value in ("0", "off", "no", "false"):
        return "off"
    if value in ("1", "on", "yes", "true"):
        return "on"
    return "auto"


def unavailable(env, *, sandbox: bool = True) -> str | None:
    """Why no resident server may serve or be started with this environment, or None
    (``sandbox=False``: leaving out the Landlock check, which costs an import)."""
    if mode(env) == "off":
        return f"turned off ({ENV}=off)"
    return system_unavailable(sandbox=sandbox)


def system_unavailable(*, sandbox: bool = True) -> str | None:
    """Why this system cannot have a warm server that kata code cannot reach, or None: one
    listening on an abstract Unix socket, which Landlock ABI 6+ scopes away from learner
    processes (``sandbox=False``: leaving out the Landlock check)."""
    if not (sys.platform.startswith("linux") and hasattr(os, "fork")
            and hasattr(socket, "send_fds")):
        return "needs Linux (fork, passing file descriptors)"
    if not sandbox:
        return None
    from ..sandbox.confine import landlock_abi

    if landlock_abi() < 6:
        return ("needs Landlock ABI 6 or later, which keeps learner processes away from the "
                "server's socket")
    return None


def address(env) -> str:
    """The server's abstract socket name for this user, interpreter, numkata and ``env``."""
    own = {k: v for k, v in env.items()
           if (k.startswith(KEY_PREFIXES) or k in KEY_NAMES) and k not in KEY_IGNORED}
    # the interpreter by what it is (bin/python and bin/python3 are one) and which
    # environment (a virtual environment's prefix) it runs in
    key = json.dumps([os.path.realpath(sys.executable), sys.prefix, sys.version,
                      str(Path(__file__).resolve().parent.parent), sorted(own.items())])
    return f"\0numkata-warm-{os.getuid()}-{hashlib.sha256(key.encode()).hexdigest()[:24]}"


def _connect(env, *, name: str | None = None) -> socket.socket | None:
    """A connection to this environment's server (or the one called ``name``), if one of this
    user's is listening."""
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.connect(name or address(env))
    except OSError:
        sock.close()
        return None
    from .fork_server import peer_uid

    if peer_uid(sock) != os.getuid():  # someone else's socket under our name: never use it
        sock.close()
        return None
    return sock


def _send(sock: socket.socket, request: dict, fds: list[int]) -> None:
    from .fork_server import HEADER

    body = json.dumps(request).encode()
    socket.send_fds(sock, [HEADER.pack(len(body))], fds)
    sock.sendall(body)


# ---------------------------------------------------------------------------- from pytest's side
def take_over(config) -> int | None:
    """``pytest_cmdline_main`` in a kata tree: hand this run to the resident server and return
    its exit status, or None to run here, cold (then, in a terminal, start a server for the
    next run once this one ends)."""
    env = dict(os.environ)
    # the Landlock check is start()'s: a server that runs was started where it holds
    if not _may_hand_over(config) or unavailable(env, sandbox=False) is not None:
        return None
    status = hand_over(list(config.invocation_params.args), cwd=str(config.invocation_params.dir),
                       env=env, path=list(sys.path))
    if status is None and (mode(env) == "on" or (mode(env) == "auto" and _in_a_terminal())):
        config.add_cleanup(lambda: start(env))
    return status


def _may_hand_over(config) -> bool:
    """Only the ``pytest`` command itself (not ``pytest.main`` called by other code, nor a run
    already started warm), over paths in the kata tree, and not a run that needs the
    terminal's input or other processes: ``--pdb``, ``--trace``, xdist,
    ``--numkata-isolation=none``."""
    from . import forked_run

    if forked_run:
        return False
    program = os.path.normpath(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    command = (os.path.basename(program) in ("pytest", "py.test")
               or program.endswith(os.path.join("pytest", "__main__.py")))
    if not command or tuple(sys.argv[1:]) != tuple(config.invocation_params.args):
        return False
    if not _only_katas(config):
        return False
    option = config.option
    if getattr(option, "usepdb", False) or getattr(option, "trace", False):
        return False
    if getattr(option, "numprocesses", None) or os.environ.get("PYTEST_XDIST_WORKER"):
        return False
    return getattr(option, "numkata_isolation", None) != "none"


def _only_katas(config) -> bool:
    """Whether every path the run collects is in the kata tree (a learner's run; numkata's own
    ``pytest tests`` in a clone always runs here)."""
    try:
        katas = (config.rootpath / config.getini("numkata_katas")).resolve()
        base = Path(config.invocation_params.dir)
        for arg in config.args:
            path = (base / str(arg).split("::", 1)[0]).resolve()
            if path != katas and katas not in path.parents:
                return False
    except (OSError, ValueError, TypeError):
        return False
    return True


def _in_a_terminal() -> bool:
    try:
        return os.isatty(1)
    except OSError:
        return False


# ---------------------------------------------------------------------------- a run handed over
def hand_over(args: list[str], *, cwd: str, env: dict[str, str],
              path: list[str]) -> int | None:
    """Run ``python -m pytest ARGS`` in this environment's resident server, on this process's
    standard streams; its exit status, or None when no server took the run (nothing ran: run
    cold). A run that was started but lost (the server killed) ends with status 3 and says
    so."""
    sock = _connect(env)
    if sock is None:
        return None
    import signal

    try:
        try:
            _send(sock, {"args": ["-m", "pytest", *args], "cwd": cwd, "env": env,
                         "path": path}, [0, 1, 2])
        except OSError:
            return None
        reader = sock.makefile("rb")
        pid = None
        while True:
            try:
                line = reader.readline()
            except KeyboardInterrupt:  # Ctrl-C reached this process: the run gets it
                if pid is not None:
                    try:
                        os.killpg(pid, signal.SIGINT)
                    except OSError:
                        pass
                continue
            except OSError:
                line = b""
            if not line:
                if pid is None:
                    return None  # the server went away before the run started
                sys.stderr.write("numkata: the warm server ended this run without its exit "
                                 "status (was it stopped?); run pytest again\n")
                return 3
            try:
                message = json.loads(line)
            except ValueError:
                message = {}
            if "pid" in message:
                pid = int(message["pid"])
            elif "status" in message:
                status = int(message["status"])
                return status if status >= 0 else 128 - status
            elif pid is None:  # "stale" and the like: nothing ran
                return None
    finally:
        sock.close()


# ---------------------------------------------------------------------------- the server's life
def start(env: dict[str, str], *, wait: bool = False, idle: float = IDLE_SECONDS) -> bool:
    """Start this environment's resident server, detached (its own session, no terminal),
    unless one runs or is starting. With ``wait``, return once it listens (False if it did
    not within ``START_SECONDS``). It ends after ``idle`` seconds without a run."""
    if unavailable(env) is not None:
        return False
    if ping(env) is not None:
        return True
    import subprocess

    from . import fork_server

    config = {"resident": True, "address": address(env), "idle": idle,
              "modules": None, "zygote": True}
    try:
        subprocess.Popen([sys.executable, fork_server.__file__, json.dumps(config)],
                         env=env, cwd="/", stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         start_new_session=True, close_fds=True)
    except OSError:
        return False
    if not wait:
        return True
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if ping(env) is not None:
            return True
        time.sleep(0.1)
    return False


def _control(env, what: str, *, name: str | None = None) -> dict | None:
    sock = _connect(env, name=name)
    if sock is None:
        return None
    try:
        null = os.open(os.devnull, os.O_RDONLY)
        try:
            _send(sock, {"control": what}, [null, null, null])
        finally:
            os.close(null)
        sock.settimeout(10.0)
        line = sock.makefile("rb").readline()
        return json.loads(line) if line else None
    except (OSError, ValueError):
        return None
    finally:
        sock.close()


def running_names() -> list[str]:
    """The socket names of this user's resident servers, whatever their environment (Linux:
    the abstract sockets listed in /proc/net/unix)."""
    prefix = f"@numkata-warm-{os.getuid()}-"
    names = set()
    try:
        with open("/proc/net/unix", encoding="utf-8", errors="replace") as table:
            for line in table:
                path = line.split()[-1] if len(line.split()) > 7 else ""
                if path.startswith(prefix) and not path.endswith("-starting"):
                    names.add("\0" + path[1:])
    except OSError:
        pass
    return sorted(names)


def stop_all() -> int:
    """Ask every resident server of this user to end; how many were running."""
    return sum(_control({}, "stop", name=name) is not None for name in running_names())


def ping(env) -> dict | None:
    """The server's own account of itself (pid, runs, started, idle limit), or None."""
    return _control(env, "status")


def stop(env) -> bool:
    """Ask this environment's server to end; False if none was running."""
    return _control(env, "stop") is not None
