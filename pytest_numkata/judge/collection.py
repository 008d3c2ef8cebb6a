"""A kata file becomes pytest items: its hidden checks, or one item that says why not.

``KataModule`` is a ``pytest.Module`` whose node path is the learner's stub and whose object
is the hidden checks module, so checks get fixtures, parametrize, marks, hypothesis and
assertion rewriting for free. Collection only *parses* the learner's file (to tell untouched,
broken and attempted stubs apart); the file is executed when the first check runs.
"""

from __future__ import annotations

import builtins
import importlib
import traceback
from pathlib import Path
from typing import Any

import pytest
from _pytest import fixtures

from ..checking import KataFailure, KataLoadError, LearnerCrash, set_current_kata
from ..packs.catalogue import Kata
from ..progress.outcomes import FileState
from . import kata_file
from .verdicts import CHECKS_KEY, KATA_KEY, SOURCE_KEY, STATE_KEY


class KataNotGraded(Exception):
    """Raised by the single item of a kata whose stub is untouched or cannot be parsed."""


class BrokenKata:
    """Stands in for a learner module that failed to load: any use raises the load error."""

    def __init__(self, error: KataLoadError):
        self._error = error

    def __getattr__(self, name: str) -> Any:
        raise self._error


class KataModule(pytest.Module):
    kata: Kata
    source_path: Path

    @classmethod
    def for_kata(cls, parent, path: Path, kata: Kata, source_path: Path,
                 options) -> KataModule:
        """``options``: the run's (``plugin.options.Options``): limits, isolation."""
        node = cls.from_parent(parent, path=path)
        node.kata = kata
        node.options = options
        node.source_path = source_path
        node._learner = None
        node._session = None
        node._checks_count = 1
        node._load_error_reported = False
        return node

    # -------------------------------------------------------------- what pytest collects
    def _getobj(self):
        return importlib.import_module(self.kata.checks_module)

    def istestfunction(self, obj: object, name: str) -> bool:
        return (
            not name.startswith("_")
            and callable(obj)
            and getattr(obj, "__module__", None) == self.kata.checks_module
            and fixtures.getfixturemarker(obj) is None
            and not isinstance(obj, type)
        )

    def istestclass(self, obj: object, name: str) -> bool:
        return False

    def collect(self):
        state = kata_file.inspect_source(self.kata, self.source_path, self.display_path)
        if state.state is FileState.NOT_ATTEMPTED:
            items = [NotGradedItem.from_parent(self, name="not_attempted",
                                               message=kata_file.not_attempted_message(self.kata),
                                               state=FileState.NOT_ATTEMPTED, lineno=None)]
        elif state.state in (FileState.SYNTAX_ERROR, FileState.UNREADABLE):
            name = "compiles" if state.state is FileState.SYNTAX_ERROR else "readable"
            items = [NotGradedItem.from_parent(self, name=name, message=state.message,
                                               state=state.state, lineno=state.lineno)]
        else:
            items = [i for i in super().collect() if isinstance(i, pytest.Item)]
            for item in items:
                if isinstance(item, pytest.Function):
                    item.repr_failure = _explained_failure(item.repr_failure, self)
        self._checks_count = len(items)
        for item in items:
            item.user_properties.append((KATA_KEY, self.kata.id))
            if state.sha256:
                item.user_properties.append((SOURCE_KEY, state.sha256))
            item.user_properties.append((CHECKS_KEY, len(items)))
        return items

    # -------------------------------------------------------------- the learner's module
    def learner_module(self) -> Any:
        """The learner's module, executed once per run (or a BrokenKata if it did not load).

        By default it is a proxy to the module loaded in a confined learner process
        (``pytest_numkata.sandbox``); with ``--numkata-isolation=none`` the file is executed
        in this process (numkata's own debugging only)."""
        set_current_kata(self.kata.id)
        if self._learner is None and self._remote():
            self._learner = self._remote_learner()
        if self._learner is None:
            try:
                module = kata_file.load_module(self.kata, self.source_path)
                self._learner = self._check_names(module)
            except (KeyboardInterrupt, KataLoadError) as exc:
                if isinstance(exc, KeyboardInterrupt):
                    raise
                self._learner = BrokenKata(exc)
            except BaseException as exc:  # noqa: BLE001 - anything the file does at import
                self._learner = BrokenKata(KataLoadError(self._describe_load_error(exc)))
        return self._learner

    def _remote(self) -> bool:
        return self.options.learner_remote

    def _remote_learner(self) -> Any:
        from ..sandbox.process import LearnerDied, LearnerTimeout
        from ..sandbox.proxy import KataLoadFailure, LearnerModule, LearnerSession

        limits = self.options.limits_for(self.kata)
        session = LearnerSession(
            source_path=self.source_path, display=self.display_path,
            module_name=kata_file.module_name_for(self.kata),
            want=self.kata.function or "ANSWER", timeout=limits.timeout,
            memory_mb=limits.memory_mb, checks=self._checks_count)
        self._session = session
        rel = self.display_path
        try:
            kind = session.load()
        except KataLoadFailure as exc:
            session.close()
            info = exc.info
            text = info if isinstance(info, str) else self._describe_remote_load_error(info)
            return BrokenKata(KataLoadError(text))
        except LearnerTimeout as exc:
            session.close()
            return BrokenKata(KataLoadError(
                f"{exc} while loading {rel}: is there an endless loop at the top level of "
                f"the file?"))
        except LearnerDied as exc:
            session.close()
            return BrokenKata(KataLoadError(f"while loading {rel}, {exc}"))
        if self.kata.answers_by_constant and kind == "missing":
            return BrokenKata(KataLoadError(
                f"{rel} defines no ANSWER: keep the line `ANSWER = ...` and put your answer "
                f"on its right-hand side"))
        if not self.kata.answers_by_constant:
            if kind == "missing":
                return BrokenKata(KataLoadError(
                    f"{rel} defines no function `{self.kata.function}`: keep the name and "
                    f"signature of the stub"))
            if kind != "callable":
                return BrokenKata(KataLoadError(f"`{self.kata.function}` in {rel} is not a "
                                                f"function"))
        return LearnerModule(session)

    def _describe_remote_load_error(self, info: dict) -> str:
        from ..sandbox.proxy import rebuild_exception

        return self._describe_load_error(rebuild_exception(info))

    def learner_session(self):
        """The learner process of this kata in this run, if one was started."""
        return getattr(self, "_session", None)

    def close_learner(self) -> None:
        session = getattr(self, "_session", None)
        if session is not None:
            session.close()

    @property
    def display_path(self) -> str:
        """The learner's file as they would type it, e.g. ``katas/ch01/log_sum_exp.py``."""
        try:
            return self.source_path.relative_to(self.config.rootpath).as_posix()
        except ValueError:
            return str(self.source_path)

    def _check_names(self, module: Any) -> Any:
        rel = self.display_path
        if self.kata.answers_by_constant:
            if not hasattr(module, "ANSWER"):
                raise KataLoadError(f"{rel} defines no ANSWER: keep the line `ANSWER = ...` "
                                    f"and put your answer on its right-hand side")
        else:
            fn = getattr(module, self.kata.function or "", None)
            if fn is None:
                raise KataLoadError(f"{rel} defines no function `{self.kata.function}`: "
                                    f"keep the name and signature of the stub")
            if not callable(fn):
                raise KataLoadError(f"`{self.kata.function}` in {rel} is not a function")
        return module

    def _describe_load_error(self, exc: BaseException) -> str:
        rel = self.display_path
        line = _learner_line(exc, self.source_path)
        where = f" at line {line[0]}: {line[1]}" if line else ""
        if isinstance(exc, SystemExit):
            return (f"{rel} called exit ({exc.code!s}) while loading{where}: "
                    f"a kata file must not end the program")
        tip = ""
        if isinstance(exc, NameError):
            tip = " (a name used before it is defined, or a missing import?)"
        elif isinstance(exc, ImportError):
            tip = " (numkata katas only need the standard library, numpy and scipy)"
        return f"{rel} failed to load{where}\n  {type(exc).__name__}: {exc}{tip}"


def _learner_line(exc: BaseException, path: Path) -> tuple[int, str] | None:
    """The last line of the learner's file in the traceback: (line number, source text)."""
    found = None
    remote = getattr(exc, "numkata_frames", None)
    if remote is not None:  # an exception from the learner process: its frames as data
        for filename, lineno, line in remote:
            if Path(filename) == path:
                found = (lineno, line.strip())
        syntax = getattr(exc, "numkata_syntax", None)
        if syntax is not None:
            found = (syntax[0], syntax[1].strip())
        return found
    for frame in traceback.extract_tb(exc.__traceback__):
        if Path(frame.filename) == path:
            found = (frame.lineno, (frame.line or "").strip())
    if isinstance(exc, SyntaxError) and exc.lineno and Path(exc.filename or "") == path:
        found = (exc.lineno, (exc.text or "").strip())
    return found


class NotGradedItem(pytest.Item):
    """The one item of a kata that is not attempted, or whose file cannot be parsed."""

    def __init__(self, *, message: str, state: FileState, lineno: int | None, **kwargs):
        super().__init__(**kwargs)
        self.message = message
        self.state = state
        self.lineno = lineno
        # a plain str: reports cross to xdist's controller, whose serializer takes no enum
        self.user_properties.append((STATE_KEY, state.value))

    def runtest(self) -> None:
        raise KataNotGraded(self.message)

    def repr_failure(self, excinfo, style=None) -> str:
        if isinstance(excinfo.value, KataNotGraded):
            return self.message
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, self.lineno - 1 if self.lineno else None, self.name


PLAIN_DATA = ("numkata reads back plain values only - numbers, strings, tuples, lists, dicts, "
              "NumPy arrays and scipy.sparse matrices")


def _last_call_text() -> str:
    from ..checking import _last

    return _last() or "the kata"


def _explained_failure(pytest_repr_failure, module: KataModule):
    """A check's ``repr_failure``: numkata's own text where it has one, so pytest does not
    first format a full traceback only to have it replaced (about 0.05 s a failed check)."""

    def repr_failure(excinfo, style=None):
        text = learner_failure_text(excinfo, module)
        if text is not None:
            return text
        return pytest_repr_failure(excinfo) if style is None else pytest_repr_failure(excinfo, style)

    return repr_failure


def learner_failure_text(excinfo, module: KataModule) -> str | None:
    """The learner-facing text for a failed check, or None to keep pytest's own report."""
    from ..sandbox.limits import TooSlow
    from ..sandbox.process import LearnerDied, LearnerTimeout
    from ..sandbox.proxy import NotPlainData

    exc = excinfo.value
    group = getattr(builtins, "BaseExceptionGroup", None)  # Python 3.11+
    if group is not None and isinstance(exc, group):  # e.g. hypothesis's "flaky" report
        for inner in exc.exceptions:
            text = learner_failure_text(type(excinfo).from_exception(inner), module)
            if text is not None:
                return text
        return None
    if isinstance(exc, KataFailure):
        return str(exc)
    if isinstance(exc, KataLoadError):
        return str(exc)
    if isinstance(exc, LearnerTimeout):
        why = "" if exc.waiting else ": an endless loop, or far too slow for this check"
        return f"{_last_call_text()}\n  {exc}{why}"
    if isinstance(exc, TooSlow):
        return f"{_last_call_text()}\n  {exc or 'ran out of time'}"
    if isinstance(exc, LearnerDied):
        return f"{_last_call_text()}\n  {exc}"
    if isinstance(exc, NotPlainData):
        return (f"{_last_call_text()}\n  is a {exc.type_name}: {PLAIN_DATA}")
    if isinstance(exc, LearnerCrash):
        error = exc.error
        if isinstance(error, LearnerDied):
            return f"{exc.description}\n  {error}"
        if isinstance(error, NotPlainData):
            return f"{exc.description}\n  returned a {error.type_name}: {PLAIN_DATA}"
        if isinstance(error, NotImplementedError):
            return (f"{exc.description}\n  still raises NotImplementedError: "
                    f"the body of `{module.kata.function}` is not finished")
        line = _learner_line(error, module.source_path)
        where = f"\n  at line {line[0]} of {module.display_path}: {line[1]}" if line else ""
        if isinstance(error, SystemExit):
            return (f"{exc.description}\n  called exit ({error.code!r}){where}\n  a kata must "
                    f"return its result, not end the program")
        note = ""
        if isinstance(error, PermissionError) and getattr(error, "numkata_remote", False):
            note = ("\n  kata code runs in a sandbox: it may not start processes, use the "
                    "network, or write files outside its temporary folder")
        if isinstance(error, MemoryError):
            note = ("\n  numkata caps the memory a kata may use: no kata needs anywhere near "
                    "this much (is a huge array being built?)")
        return f"{exc.description}\n  raised {type(error).__name__}: {error}{where}{note}"
    return None
