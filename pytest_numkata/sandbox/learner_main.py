"""The learner process: the only place where a learner's kata file is ever executed.

Run as a script by a clean interpreter (``python -I learner_main.py ...``); it never imports
the ``pytest_numkata`` package, pytest, hypothesis, the hidden checks or the reference
solutions. It loads its two siblings ``wire.py`` and ``confine.py`` by path.

Two ways to start:

``zygote CTRL_FD``
    Import what kata code may use (NumPy, SciPy's common modules, mpmath, ml_dtypes) once,
    then wait on the control socket. Each request carries a confinement plan and two file
    descriptors (the channel to one judge, the file that receives the learner's output); the
    zygote forks, and the child confines itself and serves that judge. Forking from a warm
    zygote costs milliseconds instead of a fresh interpreter's fraction of a second.
``serve PLAN_JSON``
    Where there is no fork (Windows), or when asked: one learner process started directly,
    speaking over its stdin/stdout, its output going to stderr's file.

A served learner answers the judge's requests, one at a time: ``load`` (execute the kata file
from source text the judge sends), ``get`` (a module attribute, e.g. ``ANSWER``) and ``call``
(a function of the module). Values cross as plain data (wire.py); a callable argument is a
stub that asks the judge to make the call. Nothing the learner's code does here can reach the
judge except the answers to its requests.
"""

from __future__ import annotations

import gc
import importlib.util
import os
import signal
import sys
import traceback

_HERE = os.path.dirname(os.path.abspath(__file__))


def _load_sibling(name: str):
    spec = importlib.util.spec_from_file_location(f"numkata_sandbox_{name}",
                                                  os.path.join(_HERE, f"{name}.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


wire = _load_sibling("wire")
confine_mod = _load_sibling("confine")

MAX_MESSAGE = 2000
MAX_FRAMES = 40
PRELOAD = ("numpy", "numpy.linalg", "numpy.fft", "numpy.random", "mpmath", "ml_dtypes",
           "fractions", "decimal", "statistics", "scipy", "scipy.special", "scipy.linalg",
           "scipy.sparse", "linecache", "math", "cmath", "functools", "itertools")
# What a zygote loads before its first learner (every kata uses NumPy; the rest is cheap).
EAGER = ("numpy", "numpy.linalg", "numpy.fft", "numpy.random", "fractions", "decimal",
         "statistics", "linecache", "math", "cmath", "functools", "itertools")


def _preload(names) -> None:
    """Import, in the zygote, the PRELOAD modules a learner's plan says its kata imports, so
    this learner and every later one find them loaded (SciPy, mpmath and ml_dtypes cost about
    0.4 s of CPU: a run whose katas never import them does not pay it). Names outside PRELOAD
    are ignored: the kata file decides nothing else about the zygote."""
    if not isinstance(names, list):
        return
    for name in names:
        if isinstance(name, str) and name in PRELOAD and name not in sys.modules:
            try:
                __import__(name)
            except Exception:  # noqa: BLE001 - a module this installation lacks
                pass


# ----------------------------------------------------------------------------- describing

def _exception_info(exc: BaseException, filename: str | None) -> dict:
    cls = type(exc)
    mro = []
    for base in cls.__mro__:
        module = getattr(base, "__module__", "")
        mro.append(base.__name__ if module == "builtins" else f"{module}.{base.__qualname__}")
    try:
        message = str(exc)
    except BaseException:  # noqa: BLE001 - a learner's __str__ may raise
        message = "(its message could not be read)"
    frames = []
    try:
        for frame in traceback.extract_tb(exc.__traceback__)[-MAX_FRAMES:]:
            frames.append([str(frame.filename), int(frame.lineno or 0), (frame.line or "")[:300]])
    except BaseException:  # noqa: BLE001
        pass
    info = {"type": mro[0], "mro": mro[:20], "message": message[:MAX_MESSAGE], "frames": frames}
    if isinstance(exc, SyntaxError) and exc.filename == filename:
        info["syntax"] = [int(exc.lineno or 0), (exc.text or "")[:300]]
    if isinstance(exc, SystemExit):
        code = exc.code
        info["code"] = code if code is None or type(code) in (int, bool) else str(code)[:200]
    return info


# ----------------------------------------------------------------------------- serving

class Learner:
    def __init__(self, rfd: int, wfd: int):
        self.rfd, self.wfd = rfd, wfd
        self.module = None
        self.filename = None
        self.encoder = wire.Encoder()
        self.decoder = wire.Decoder(callback=self._stub)

    # -- frames
    def send(self, message) -> None:
        try:
            parts = self.encoder.frame(message)
        except wire.Unsupported as exc:
            parts = self.encoder.frame(["unsupported", exc.type_name])
        except (ValueError, OverflowError, RecursionError, MemoryError) as exc:
            parts = self.encoder.frame(["unsupported", f"a value msgpack refuses ({exc})"])
        wire.write_frame(self.wfd, parts)

    def receive(self):
        return self.decoder.loads_frame(wire.read_frame(self.rfd))

    def _flush(self) -> None:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except BaseException:  # noqa: BLE001 - a closed or replaced stream
                pass

    # -- callbacks into the judge
    def _stub(self, ident: int, label: str):
        learner = self

        def judge_function(*args, **kwargs):
            learner.send(["callback", ident, list(args), kwargs])
            while True:
                reply = learner.receive()
                if reply[0] == "returned":
                    return reply[1]
                if reply[0] == "raised":
                    raise _rebuilt(reply[1])
                raise RuntimeError("the judge answered a callback with something else")

        judge_function.__name__ = judge_function.__qualname__ = label
        return judge_function

    # -- requests
    def serve(self) -> None:
        while True:
            try:
                request = self.receive()
            except EOFError:
                return
            op = request[0]
            try:
                if op == "load":
                    self._load(*request[1:])
                elif op == "get":
                    self._get(request[1])
                elif op == "call":
                    self._call(*request[1:])
                elif op == "map":
                    self._map(*request[1:])
                elif op == "bye":
                    return
                else:
                    self.send(["error", f"unknown request {op!r}"])
            finally:
                self._flush()

    def _load(self, source: str, filename: str, name: str, want: str) -> None:
        import types

        module = types.ModuleType(name)
        module.__file__ = filename
        self.filename = filename
        import linecache

        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        sys.modules[name] = module  # dataclasses and pickling look modules up by name
        try:
            code = compile(source, filename, "exec", dont_inherit=True)
            exec(code, module.__dict__)  # noqa: S102 - the learner's own kata file
        except BaseException as exc:  # noqa: BLE001 - anything the file does while loading
            sys.modules.pop(name, None)
            self.send(["raised", _exception_info(exc, filename)])
            return
        self.module = module
        self.send(["loaded", self._kind(want)])

    def _kind(self, name: str) -> str:
        try:
            value = getattr(self.module, name)
        except AttributeError:
            return "missing"
        except BaseException:  # noqa: BLE001 - a module __getattr__ that raises something else
            return "missing"
        return "callable" if callable(value) else "value"

    def _get(self, name: str) -> None:
        try:
            value = getattr(self.module, name)
        except AttributeError:
            self.send(["missing"])
            return
        except BaseException as exc:  # noqa: BLE001
            self.send(["raised", _exception_info(exc, self.filename)])
            return
        if callable(value) and not isinstance(value, type):
            self.send(["callable"])
            return
        self.send(["value", value])

    def _call(self, name: str, packed_args: list, packed_kwargs: dict, options=None) -> None:
        margin = options.get("memory_margin") if isinstance(options, dict) else None
        if isinstance(margin, int) and margin > 0:
            with _address_space_margin(margin):
                self._call_now(name, packed_args, packed_kwargs)
        else:
            self._call_now(name, packed_args, packed_kwargs)

    def _map(self, name: str, calls: list) -> None:
        """Many calls in one exchange (the arguments decoded with the request): the results
        in order, or the first exception."""
        try:
            fn = getattr(self.module, name)
            if not isinstance(calls, list) or not all(isinstance(c, list) for c in calls):
                raise TypeError("a map request holds a list of argument lists")
        except BaseException as exc:  # noqa: BLE001
            self.send(["raised", _exception_info(exc, self.filename), -1])
            return
        results = []
        for index, args in enumerate(calls):
            try:
                results.append(fn(*args))
            except BaseException as exc:  # noqa: BLE001
                self.send(["raised", _exception_info(exc, self.filename), index])
                return
        self.send(["returned_many", results])

    def _call_now(self, name: str, packed_args: list, packed_kwargs: dict) -> None:
        # each argument as it came: its msgpack body and the out-of-band data it took
        before: dict = {}
        try:
            args, kwargs = [], {}
            for key, packed in [*enumerate(packed_args), *packed_kwargs.items()]:
                start = self.decoder.cursor
                value = self.decoder.loads(packed)
                before[key] = (packed, self.decoder.tail[start:self.decoder.cursor])
                if isinstance(key, int):
                    args.append(value)
                else:
                    kwargs[key] = value
            fn = getattr(self.module, name)
        except BaseException as exc:  # noqa: BLE001
            self.send(["raised", _exception_info(exc, self.filename)])
            return
        try:
            result = fn(*args, **kwargs)
        except BaseException as exc:  # noqa: BLE001 - the learner's exception, reported
            self.send(["raised", _exception_info(exc, self.filename)])
            return
        mutated = {}
        for key, value in [*enumerate(args), *kwargs.items()]:
            if type(value) in (list, dict) or type(value).__name__ == "ndarray":
                body, data = before[key]
                try:
                    after = self.encoder.dumps(value)
                    buffers = self.encoder.take_buffers()
                except BaseException:  # noqa: BLE001 - now holds something that cannot cross
                    mutated[key] = None
                    continue
                if after != body or not wire.same_data(buffers, data):
                    mutated[key] = value
        self.send(["returned", result, mutated, _aliases(result, args)])


def _aliases(result, args) -> list:
    """Whether the result is one of the arguments itself (["same", i]) or a NumPy view of one
    (["view", i]): the judge rebuilds the same relation with its own objects."""
    for index, arg in enumerate(args):
        if result is arg:
            return ["same", index]
    try:
        import numpy as np

        if isinstance(result, np.ndarray):
            for index, arg in enumerate(args):
                if isinstance(arg, np.ndarray) and np.shares_memory(result, arg):
                    return ["view", index]
    except Exception:  # noqa: BLE001
        pass
    return []


class _address_space_margin:
    """Lower the soft address-space limit to the current size + margin for one call."""

    def __init__(self, margin: int):
        self.margin = margin
        self.previous = None

    def __enter__(self):
        try:
            import resource

            soft, hard = resource.getrlimit(resource.RLIMIT_AS)
            cap = _address_space() + self.margin
            if hard != resource.RLIM_INFINITY:
                cap = min(cap, hard)
            if soft == resource.RLIM_INFINITY or soft > cap:
                resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
                self.previous = (soft, hard)
        except (ImportError, ValueError, OSError):
            pass
        return self

    def __exit__(self, *exc):
        if self.previous is not None:
            import resource

            try:
                resource.setrlimit(resource.RLIMIT_AS, self.previous)
            except (ValueError, OSError):
                pass
        return False


def _rebuilt(info) -> BaseException:
    """A judge-side exception raised again inside a callback stub."""
    name = info.get("type", "Exception") if isinstance(info, dict) else "Exception"
    message = info.get("message", "") if isinstance(info, dict) else ""
    import builtins

    cls = getattr(builtins, name, None)
    if isinstance(cls, type) and issubclass(cls, Exception):
        return cls(message)
    return RuntimeError(f"{name}: {message}")


# ----------------------------------------------------------------------------- starting

def _apply_plan(plan: dict) -> str:
    cpus = plan.get("cpus")
    if cpus and hasattr(os, "sched_setaffinity"):
        try:
            os.sched_setaffinity(0, [int(cpu) for cpu in cpus])
        except (OSError, ValueError, TypeError):
            pass
    tmp = plan.get("tmpdir")
    if tmp:
        os.environ["TMPDIR"] = os.environ["TEMP"] = os.environ["TMP"] = tmp
        os.environ["HOME"] = tmp
        os.environ["MPLCONFIGDIR"] = tmp
        try:
            os.chdir(tmp)
        except OSError:
            pass
    return confine_mod.confine(readable=list(plan.get("readable", [])),
                               writable=list(plan.get("writable", [])),
                               memory_bytes=plan.get("memory_bytes"),
                               cpu_seconds=plan.get("cpu_seconds"),
                               file_bytes=int(plan.get("file_bytes", 64 * 1024 * 1024)))


def _address_space() -> int:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return 0


def _learner_from_zygote(plan: dict, chan: int, out: int) -> None:
    """In the forked child: fds, confinement, then serve. Never returns."""
    status = 0
    try:
        os.setsid()
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.dup2(out, 1)
        os.dup2(out, 2)
        os.dup2(chan, 3)
        os.closerange(4, 1 << 16)  # nothing the zygote or the judge held stays open
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
        if plan.get("memory_margin"):
            plan["memory_bytes"] = _address_space() + int(plan["memory_margin"])
        strength = _apply_plan(plan)
        sys.stdout = open(1, "w", buffering=1, errors="replace", closefd=False)  # noqa: SIM115
        sys.stderr = open(2, "w", buffering=1, errors="replace", closefd=False)  # noqa: SIM115
        learner = Learner(3, 3)
        learner.send(["hello", os.getpid(), strength])
        learner.serve()
    except BaseException:  # noqa: BLE001 - the judge sees the channel close
        status = 70
    finally:
        os._exit(status)


def zygote(ctrl_fd: int) -> None:
    """Fork a learner per request; when one ends, tell its judge how (an ``exit`` frame with
    the wait status, negative for a signal) and close the zygote's copy of its channel."""
    import select
    import socket

    confine_mod._die_with_parent()
    ctrl = socket.socket(fileno=ctrl_fd)
    channels: dict[int, int] = {}  # learner pid -> the zygote's copy of its channel
    encoder = wire.Encoder()
    # NumPy (every kata's) is loaded before the first learner, between requests; the heavier
    # libraries when the first kata that imports them asks (its plan's "preload")
    preload = [name for name in EAGER if name not in sys.modules]
    while True:
        _reap(channels, encoder)
        try:
            ready, _, _ = select.select([ctrl], [], [],
                                        0 if preload else (0.05 if channels else 1.0))
        except InterruptedError:
            continue
        if not ready:
            if preload:
                _preload([preload.pop(0)])
            continue
        try:
            message, fds, _flags, _addr = socket.recv_fds(ctrl, 1 << 16, 4)
        except InterruptedError:
            continue
        except OSError:
            break
        if not message:
            break  # every judge has gone
        try:
            plan = wire.loads(message)
            chan, out = fds[0], fds[1]
        except Exception:  # noqa: BLE001 - a malformed request is dropped
            for fd in fds:
                os.close(fd)
            continue
        _preload(preload)  # whatever of the eager list is not loaded yet
        preload = []
        _preload(plan.get("preload") if isinstance(plan, dict) else None)
        gc.freeze()  # a learner's collections leave the zygote's heap alone (no copy-on-write)
        pid = os.fork()
        if pid == 0:
            ctrl.close()
            _learner_from_zygote(plan, chan, out)
        os.close(out)
        channels[pid] = chan
    for pid in list(channels):
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    while channels:
        _reap(channels, encoder, block=True)


def _reap(channels: dict, encoder, block: bool = False) -> None:
    while channels:
        try:
            pid, status = os.waitpid(-1, 0 if block else os.WNOHANG)
        except ChildProcessError:
            channels.clear()
            return
        if pid == 0:
            return
        chan = channels.pop(pid, None)
        if chan is None:
            continue
        try:
            wire.write_frame(chan, encoder.frame(["exit", os.waitstatus_to_exitcode(status)]))
        except OSError:
            pass
        os.close(chan)
        if block:
            return


def serve_direct(plan: dict) -> None:
    """Started directly (spawn): the channel is stdin/stdout, output goes to stderr's file."""
    rfd, wfd = os.dup(0), os.dup(1)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.dup2(2, 1)
    _preload(list(EAGER[:4]) + list(plan.get("preload") or []))
    if plan.get("memory_margin"):
        plan["memory_bytes"] = (_address_space() + int(plan["memory_margin"])) or None
    strength = _apply_plan(plan)
    sys.stdout = open(1, "w", buffering=1, errors="replace", closefd=False)  # noqa: SIM115
    learner = Learner(rfd, wfd)
    learner.send(["hello", os.getpid(), strength])
    learner.serve()


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "zygote":
        zygote(int(argv[1]))
        return 0
    if len(argv) >= 2 and argv[0] == "serve":
        import json

        serve_direct(json.loads(argv[1]))
        return 0
    print("usage: learner_main.py zygote CTRL_FD | serve PLAN_JSON", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
