"""The learner's kata file: what state it is in (read, never run) and loading it (at run time).

``inspect_source`` parses the file with ``ast`` - it never executes learner code, so it is safe
during collection, ``--collect-only`` and IDE discovery. ``load_module`` executes the file and
is only called while a check runs.
"""

from __future__ import annotations

import ast
import importlib.util
import sys
import types
from dataclasses import dataclass
from pathlib import Path

from ..packs.catalogue import Kata, fingerprint
from ..progress.outcomes import FileState
from ..sandbox import kata_source


@dataclass(frozen=True)
class SourceState:
    state: FileState
    message: str = ""
    lineno: int | None = None
    sha256: str | None = None  # of the bytes classified, when they could be read


def _is_ellipsis(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and node.value is Ellipsis


def _answer_untouched(tree: ast.Module) -> bool:
    """True when the module's last top-level assignment to ANSWER is the literal ``...``."""
    value = None
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "ANSWER" for t in node.targets
        ):
            value = node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            if node.target.id == "ANSWER" and node.value is not None:
                value = node.value
    return value is not None and _is_ellipsis(value)


def _raises_not_implemented(stmt: ast.stmt) -> bool:
    if not isinstance(stmt, ast.Raise) or stmt.exc is None:
        return False
    exc = stmt.exc.func if isinstance(stmt.exc, ast.Call) else stmt.exc
    return isinstance(exc, ast.Name) and exc.id == "NotImplementedError"


def _function_untouched(tree: ast.Module, name: str) -> bool:
    """True when ``def name`` has only a docstring, ``pass``/``...`` and a NotImplementedError raise."""
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name == name:
            body = list(node.body)
            filler = [
                s
                for s in body
                if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))
                and not isinstance(s, ast.Pass)
            ]
            return len(filler) == 1 and _raises_not_implemented(filler[0])
    return False


def read_kata_bytes(path: Path, display: str) -> bytes | SourceState:
    """The file's bytes (``sandbox.kata_source``: a regular file, not a link, at most 1 MB),
    or an UNREADABLE state saying why not."""
    try:
        return kata_source.read_kata_bytes(path, display)
    except kata_source.UnreadableKata as exc:
        return SourceState(FileState.UNREADABLE, str(exc))


def inspect_source(kata: Kata, path: Path, display: str | None = None) -> SourceState:
    """Classify the learner's file without running it. ``display`` names it in messages."""
    display = display or path.name
    raw = read_kata_bytes(path, display)
    if isinstance(raw, SourceState):
        return raw
    import dataclasses
    import hashlib

    return dataclasses.replace(_classify(kata, path, display, raw),
                               sha256=hashlib.sha256(raw).hexdigest())


def _classify(kata: Kata, path: Path, display: str, raw: bytes) -> SourceState:
    try:
        source = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return SourceState(
            FileState.UNREADABLE,
            f"{display} is not UTF-8 text (byte {exc.start}): save it with UTF-8 encoding",
        )
    try:
        tree = ast.parse(source, filename=str(path))
    except SyntaxError as exc:
        where = f"line {exc.lineno}" if exc.lineno else "somewhere"
        text = (exc.text or "").rstrip("\n")
        pointer = ""
        if text and exc.offset:
            pointer = "\n    " + text + "\n    " + " " * (max(exc.offset, 1) - 1) + "^"
        return SourceState(
            FileState.SYNTAX_ERROR,
            f"SyntaxError in {display}, {where}: {exc.msg}{pointer}",
            lineno=exc.lineno,
        )
    except (RecursionError, MemoryError, ValueError, OverflowError) as exc:
        return SourceState(FileState.UNREADABLE,
                           f"{display} cannot be parsed ({type(exc).__name__}: nested too "
                           f"deeply or too large for a kata file)")
    if kata.answers_by_constant:
        untouched = _answer_untouched(tree)
    elif kata.type == "Debug":
        untouched = fingerprint(source) == kata.pristine
    else:
        untouched = _function_untouched(tree, kata.function or "")
    return SourceState(FileState.NOT_ATTEMPTED if untouched else FileState.ATTEMPTED)


def not_attempted_message(kata: Kata) -> str:
    if kata.answers_by_constant:
        what = "replace `ANSWER = ...` with your answer"
    elif kata.type == "Debug":
        what = f"the shipped `{kata.function}` still has its bug: find it and fix it"
    else:
        what = f"write the body of `{kata.function}` (it still raises NotImplementedError)"
    return f"not attempted: {what}"


def module_name_for(kata: Kata) -> str:
    return f"numkata_kata.{kata.chapter}.{kata.name}"


def load_module(kata: Kata, path: Path) -> types.ModuleType:
    """Execute the learner's file as a fresh module. Raises whatever the file raises."""
    name = module_name_for(kata)
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:  # pragma: no cover - only for odd paths
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses, pickling and typing look modules up by name
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(name, None)
        raise
    return module
