"""The package's layout keeps its promises: no import cycle anywhere, and the learner's side of
the sandbox imports nothing of numkata's, pytest's or hypothesis's."""

from __future__ import annotations

import ast

from tests.test_cli_layout import PACKAGE, cycles, import_graph


def test_no_import_cycle_anywhere_in_the_package():
    graph = import_graph()
    assert len(graph) > 40
    assert cycles(graph) == []


def test_the_learner_side_imports_only_what_kata_code_may_use():
    allowed = {"__future__", "ast", "builtins", "ctypes", "decimal", "fractions", "gc", "importlib",
               "json", "linecache", "math", "msgpack", "numpy", "os", "platform", "resource",
               "scipy", "select", "signal", "socket", "struct", "sys", "traceback", "types",
               "ml_dtypes"}
    for name in ("learner_main.py", "wire.py", "confine.py"):
        tree = ast.parse((PACKAGE / "sandbox" / name).read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                roots = {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                assert node.level == 0, f"{name} imports relatively: it is loaded by path"
                roots = {(node.module or "").split(".")[0]}
            else:
                continue
            assert roots <= allowed, f"{name} imports {roots - allowed}"
