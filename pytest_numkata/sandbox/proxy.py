"""What the hidden checks hold instead of the learner's module: proxies that cross the boundary.

``LearnerSession`` owns one kata's learner process for one run of the judge: it starts it,
loads the kata file into it (source text read here, bounded, and sent), restarts it for the
next check after a crash, and ends it. ``LearnerModule`` is what the ``kata`` fixture returns:
``kata.ANSWER`` is a plain value rebuilt from data, ``kata.newton`` a ``LearnerFunction``
whose calls travel to the learner process. The judge's callables passed as arguments stay
here (the learner gets stubs that call back), so every call of ``f`` is seen and counted.

An exception the learner's code raised comes back as an instance of a judge-side class named
like the learner's, derived from the nearest built-in exception of its class (a learner's
``class Oops(ValueError)`` arrives as an ``Oops`` that is a ``ValueError``). Nothing the
learner made ever runs a method here.
"""

from __future__ import annotations

import builtins
import re
from pathlib import Path

from . import wire
from .process import CallTooSlow, LearnerDied, LearnerProcess, LearnerTimeout, imported_modules

OUTPUT_SHOWN = 3500  # characters of a check's output kept (the report section's own cap is 4000)
_CONTROL = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)?|"
                      r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")


def clean_text(text: str) -> str:
    """Learner-made text made safe to print or store: no escape sequences, no control
    characters except newline and tab."""
    return _CONTROL.sub("", text.replace("\r\n", "\n"))


class KataLoadFailure(Exception):
    """The kata file did not load in the learner process; ``info`` describes why."""

    def __init__(self, info: dict | str):
        self.info = info
        super().__init__(info if isinstance(info, str) else info.get("message", ""))


class NotPlainData(Exception):
    """The learner's code returned (or ANSWER is) a value that cannot cross as plain data."""

    def __init__(self, type_name: str):
        self.type_name = clean_text(str(type_name))[:120]
        super().__init__(self.type_name)


# ----------------------------------------------------------------------------- exceptions

_rebuilt_classes: dict[tuple[str, type], type] = {}
_ALLOWED_NON_BUILTIN = {"numpy.linalg.LinAlgError": ("numpy.linalg", "LinAlgError")}


def _base_for(mro: list) -> type:
    for name in mro:
        if not isinstance(name, str):
            continue
        cls = getattr(builtins, name, None)
        if isinstance(cls, type) and (issubclass(cls, Exception) or cls is SystemExit):
            return cls
        if name in _ALLOWED_NON_BUILTIN:
            module, attr = _ALLOWED_NON_BUILTIN[name]
            import importlib

            return getattr(importlib.import_module(module), attr)
    return RuntimeError  # a KeyboardInterrupt or GeneratorExit must not stop the judge


def rebuild_exception(info: dict) -> BaseException:
    """A judge-side exception standing for one the learner's code raised."""
    if not isinstance(info, dict):
        info = {}
    mro = info.get("mro") if isinstance(info.get("mro"), list) else []
    base = _base_for(mro)
    full = str(info.get("type", base.__name__))
    short = re.sub(r"\W", "", full.rsplit(".", 1)[-1])[:60] or base.__name__
    key = (short, base)
    cls = _rebuilt_classes.get(key)
    if cls is None:
        if short == base.__name__:
            cls = base
        else:
            cls = type(short, (base,), {"__module__": "learner"})
        _rebuilt_classes[key] = cls
    message = clean_text(str(info.get("message", "")))[:2000]
    if issubclass(cls, SystemExit):
        code = info.get("code")
        if not (code is None or type(code) in (int, bool)):
            code = clean_text(str(code))[:200]
        exc: BaseException = cls(code)
    else:
        try:
            exc = cls(message)
        except Exception:  # noqa: BLE001 - a base whose constructor wants more
            exc = RuntimeError(f"{short}: {message}")
    frames = info.get("frames") if isinstance(info.get("frames"), list) else []
    exc.numkata_frames = [(str(f[0]), int(f[1]), clean_text(str(f[2]))[:300]) for f in frames
                          if isinstance(f, list) and len(f) == 3 and isinstance(f[1], int)]
    syntax = info.get("syntax")
    if isinstance(syntax, list) and len(syntax) == 2 and isinstance(syntax[0], int):
        exc.numkata_syntax = (syntax[0], clean_text(str(syntax[1]))[:300])
    exc.numkata_remote = True
    return exc


def _exception_info(exc: BaseException) -> dict:
    mro = [c.__name__ for c in type(exc).__mro__]
    return {"type": type(exc).__name__, "mro": mro, "message": str(exc)[:2000], "frames": []}


# ----------------------------------------------------------------------------- the session

class LearnerSession:
    """One kata's learner process in this judge process."""

    def __init__(self, *, source_path: Path, display: str, module_name: str, want: str,
                 timeout: float, memory_mb: int, checks: int):
        self.source_path = source_path
        self.display = display
        self.module_name = module_name
        self.want = want
        self.timeout = timeout
        self.memory_mb = memory_mb
        self.checks = max(1, checks)
        self.process: LearnerProcess | None = None
        self.kind: str | None = None
        self.sandbox = "none"
        self.functions: dict[str, LearnerFunction] = {}  # the module's functions found so far
        self.stopped: str | None = None  # why no further check is graded (a timeout)
        self.output: list[str] = []
        self.output_cut = 0  # characters of this check's output not shown

    # -- lifecycle
    def read_source(self) -> str:
        """The kata file's text, read here with the collector's own bounds (a regular file of
        at most 1 MB, never through a link), and never by path in the learner."""
        from .kata_source import UnreadableKata, read_kata_bytes

        try:
            raw = read_kata_bytes(self.source_path, self.display)
        except UnreadableKata as exc:
            raise KataLoadFailure(str(exc)) from exc
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise KataLoadFailure(f"{self.display} is not UTF-8 text (byte {exc.start}): save "
                                  f"it with UTF-8 encoding") from exc

    def load(self) -> str:
        """Start a learner process and load the kata file into it; returns the kind of the
        name the kata must define ("callable", "value" or "missing"). Raises
        KataLoadFailure, LearnerTimeout or LearnerDied."""
        source = self.read_source()
        self.close_process()
        self.functions = {}
        process = LearnerProcess(memory_mb=self.memory_mb,
                                 cpu_budget=self.timeout * (self.checks + 1) + 5,
                                 preload=imported_modules(source))
        self.process = process
        process.start(self.timeout)
        self.sandbox = process.sandbox
        reply = process.request(["load", source, str(self.source_path), self.module_name,
                                 self.want], self.timeout)
        self._collect_output()
        if reply[0] == "raised" and len(reply) == 2:
            raise KataLoadFailure(reply[1] if isinstance(reply[1], dict) else {})
        if reply[0] != "loaded" or len(reply) != 2 or reply[1] not in ("callable", "value",
                                                                       "missing"):
            process.kill()
            raise LearnerDied("the kata's process answered the load request out of turn")
        self.kind = reply[1]
        return self.kind

    def begin_check(self) -> None:
        if self.stopped or self.process is None:
            return
        if self.process.dead:
            self.load()  # a crash ends one check; the next one gets a fresh process
        if self.process is not None and not self.process.dead:
            self.process.begin_check()

    def end_check(self) -> str:
        """The output the learner printed during this check (cleaned, at most OUTPUT_SHOWN
        characters, and how much was cut)."""
        self._collect_output()
        text = "".join(self.output)
        if self.output_cut:
            text += f"\n... ({self.output_cut} more characters of output cut)\n"
        self.output, self.output_cut = [], 0
        return text

    def _collect_output(self) -> None:
        if self.process is None:
            return
        room = OUTPUT_SHOWN - sum(len(t) for t in self.output)
        text, cut = self.process.read_output(max(room, 0))
        if text:
            self.output.append(clean_text(text))
        self.output_cut += cut

    def close_process(self) -> None:
        if self.process is not None:
            self.process.close()
            self.process = None

    def close(self) -> None:
        self.close_process()

    # -- requests
    def _live(self) -> LearnerProcess:
        if self.stopped:
            import pytest

            pytest.skip(f"not graded: {self.stopped}")
        if self.process is None or self.process.dead:
            raise LearnerDied("the kata's process is no longer running")
        return self.process

    def _request(self, message, register=None, on_callback=None, call_wall=None,
                 encoder=None):
        process = self._live()
        try:
            return process.request(message, self.timeout, register=register,
                                   on_callback=on_callback, call_wall=call_wall,
                                   encoder=encoder)
        except LearnerTimeout:
            self.stopped = "an earlier check of this kata timed out"
            raise
        except CallTooSlow:
            self.stopped = "an earlier check of this kata ran out of time"
            raise
        finally:
            self._collect_output()

    def get(self, name: str):
        # A function found once is asked for by name at each call (the learner's side looks
        # the name up then), so `kata.f` in a check's loop costs no round trip of its own.
        function = self.functions.get(name)
        if function is not None:
            return function
        reply = self._request(["get", name])
        if reply[0] == "value" and len(reply) == 2:
            return reply[1]
        if reply[0] == "callable":
            function = self.functions[name] = LearnerFunction(self, name)
            return function
        if reply[0] == "missing":
            raise AttributeError(name)
        if reply[0] == "unsupported":
            raise NotPlainData(reply[1] if len(reply) > 1 else "?")
        if reply[0] == "raised" and len(reply) == 2:
            raise rebuild_exception(reply[1])
        raise LearnerDied("the kata's process answered out of turn")

    def call(self, name: str, args: tuple, kwargs: dict):
        from . import limits

        callables: list = []

        def register(fn):
            callables.append(fn)
            label = getattr(fn, "numkata_label", None) or getattr(fn, "__name__", "function")
            return len(callables) - 1, str(label)[:80]

        judge_errors: list[BaseException] = []

        def on_callback(ident, cargs, ckwargs):
            if not (isinstance(ident, int) and 0 <= ident < len(callables)
                    and isinstance(cargs, list) and isinstance(ckwargs, dict)
                    and all(isinstance(k, str) for k in ckwargs)):
                return ["raised", {"type": "TypeError", "mro": ["TypeError"],
                                   "message": "bad callback", "frames": []}]
            try:
                return ["returned", callables[ident](*cargs, **ckwargs)]
            except Exception as exc:  # noqa: BLE001 - the learner's code may handle it
                if isinstance(exc, AssertionError):
                    judge_errors.append(exc)  # a check's own verdict: raised after the call
                return ["raised", _exception_info(exc)]
            except BaseException as exc:
                judge_errors.append(exc)
                return ["raised", {"type": "RuntimeError", "mro": ["RuntimeError"],
                                   "message": "the check stopped this call", "frames": []}]

        encoder = wire.Encoder(register)
        packed_args = [encoder.dumps(a) for a in args]
        packed_kwargs = {k: encoder.dumps(v) for k, v in kwargs.items()}
        options = {}
        margin = limits.call_memory_margin()
        if margin:
            options["memory_margin"] = margin
        reply = self._request(["call", name, packed_args, packed_kwargs, options],
                              register=register, on_callback=on_callback,
                              call_wall=limits.call_seconds(), encoder=encoder)
        if judge_errors:
            raise judge_errors[0]
        if reply[0] == "returned" and len(reply) == 4 and isinstance(reply[2], dict):
            _apply_mutations(args, kwargs, reply[2])
            return _with_aliases(reply[1], args, reply[3])
        if reply[0] == "raised" and len(reply) == 2:
            raise rebuild_exception(reply[1])
        if reply[0] == "unsupported":
            raise NotPlainData(reply[1] if len(reply) > 1 else "?")
        raise LearnerDied("the kata's process answered out of turn")


    def call_many(self, name: str, calls: list[tuple]) -> list:
        """``name(*args)`` for every ``args`` in ``calls``, in one exchange: the results in
        order, or the first exception raised (its call is remembered for messages)."""
        reply = self._request(["map", name, [list(args) for args in calls]])
        if reply[0] == "returned_many" and len(reply) == 2 and isinstance(reply[1], list) \
                and len(reply[1]) == len(calls):
            return reply[1]
        if reply[0] == "raised" and len(reply) == 3:
            index = reply[2] if isinstance(reply[2], int) else -1
            error = rebuild_exception(reply[1])
            error.numkata_call_index = index
            raise error
        if reply[0] == "unsupported":
            raise NotPlainData(reply[1] if len(reply) > 1 else "?")
        raise LearnerDied("the kata's process answered out of turn")


def _with_aliases(result, args: tuple, alias):
    """The learner returned one of its arguments, or a view of one: return the judge's own
    argument (or a view of it), so ``result is x`` and ``np.shares_memory`` tell the truth."""
    if not (isinstance(alias, list) and len(alias) == 2 and alias[0] in ("same", "view")
            and isinstance(alias[1], int) and 0 <= alias[1] < len(args)):
        return result
    import numpy as np

    original = args[alias[1]]
    if alias[0] == "same":
        return original
    if isinstance(original, np.ndarray) and isinstance(result, np.ndarray):
        try:
            view = original.reshape(result.shape) if original.size == result.size else None
        except ValueError:
            view = None
        if view is not None and view.dtype == result.dtype and np.array_equal(
                view, result, equal_nan=result.dtype.kind in "fc"):
            return view
    return result


def _apply_mutations(args: tuple, kwargs: dict, mutated: dict) -> None:
    """Make the learner's in-place changes to arguments visible to the judge, as they would be
    if the learner's function had run here (so "inputs are not modified" can be checked)."""
    import numpy as np

    for key, new in mutated.items():
        if isinstance(key, int) and 0 <= key < len(args):
            old = args[key]
        elif isinstance(key, str) and key in kwargs:
            old = kwargs[key]
        else:
            continue
        if new is None:
            new = ["(changed into something that cannot be shown)"]
        try:
            if isinstance(old, np.ndarray):
                if isinstance(new, np.ndarray) and new.shape == old.shape:
                    np.copyto(old, new, casting="unsafe")
                else:
                    old.fill(np.nan) if old.dtype.kind in "fc" else old.fill(0)
            elif isinstance(old, list):
                old[:] = new if isinstance(new, list) else [new]
            elif isinstance(old, dict):
                old.clear()
                if isinstance(new, dict):
                    old.update(new)
        except (TypeError, ValueError):
            continue


class LearnerFunction:
    """A function of the learner's module; calling it runs it in the learner process."""

    def __init__(self, session: LearnerSession, name: str):
        self._session = session
        self.__name__ = self.__qualname__ = name

    def __call__(self, *args, **kwargs):
        return self._session.call(self.__name__, args, kwargs)

    def numkata_many(self, calls: list[tuple]) -> list:
        return self._session.call_many(self.__name__, calls)

    def __repr__(self) -> str:
        return f"<learner function {self.__name__}>"


class LearnerModule:
    """The learner's kata module as the checks see it."""

    def __init__(self, session: LearnerSession):
        object.__setattr__(self, "_session", session)

    def __getattr__(self, name: str):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return self._session.get(name)

    def __repr__(self) -> str:
        return f"<kata {self._session.display} in its own process>"
