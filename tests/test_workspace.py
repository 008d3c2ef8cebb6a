"""One rule for where things are (``pytest_numkata/workspace.py``): pytest's side (the plugin's
options) and the command line's side (``numkata``'s context) find the same root, kata tree,
reference tree and home, and refuse the same homes with the same words."""

from __future__ import annotations

from pathlib import Path

import pytest

from pytest_numkata import workspace
from pytest_numkata.cli.app import build_parser
from pytest_numkata.cli.context import Context
from pytest_numkata.cli.errors import CliError
from pytest_numkata.plugin.options import OPTIONS

PYPROJECT = """\
[tool.pytest.ini_options]
numkata_katas = "katas"
numkata_reference = "reference"
filterwarnings = ["ignore::pytest.PytestAssertRewriteWarning"]
"""


def pytest_side(pytester: pytest.Pytester, *args: str):
    """The workspace of a pytest run started in the current directory with ``args``, or the
    UsageError's text."""
    try:
        config = pytester.parseconfigure("-p", "no:cacheprovider", *args)
    except pytest.UsageError as exc:
        return str(exc)
    ws = config.stash[OPTIONS].workspace
    return ws.root, ws.katas, ws.reference, ws.home


def cli_side(*args: str):
    """The workspace and home ``numkata status`` sees from the current directory, or the
    CliError's text."""
    ctx = Context(build_parser().parse_args(["status", *args]))
    try:
        home = ctx.home
        ws = ctx.workspace
    except CliError as exc:
        return str(exc)
    return ws.root, ws.katas, ws.reference, home


@pytest.fixture
def clone(pytester: pytest.Pytester, monkeypatch) -> Path:
    monkeypatch.delenv(workspace.HOME_ENV, raising=False)
    root = pytester.path
    (root / "pyproject.toml").write_text(PYPROJECT)
    for tree in ("katas", "reference"):
        (root / tree / "ch00").mkdir(parents=True)
    return root


def test_a_clone_root(pytester, clone):
    expected = (clone, clone / "katas", clone / "reference", clone / ".numkata")
    assert pytest_side(pytester) == cli_side() == expected


def test_a_subdirectory_of_the_clone(pytester, clone, monkeypatch):
    monkeypatch.chdir(clone / "katas" / "ch00")
    expected = (clone, clone / "katas", clone / "reference", clone / ".numkata")
    assert pytest_side(pytester) == cli_side() == expected


def test_a_workspace_made_by_numkata_init(pytester, monkeypatch):
    from pytest_numkata.cli import main

    monkeypatch.delenv(workspace.HOME_ENV, raising=False)
    made = pytester.path / "work"
    assert main(["-q", "init", str(made)]) == 0
    monkeypatch.chdir(made)
    expected = (made, made / "katas", made / "reference", made / ".numkata")
    assert not expected[2].exists()  # no reference tree in a learner's workspace
    assert pytest_side(pytester) == cli_side() == expected


def test_numkata_home_in_the_environment(pytester, clone, monkeypatch, tmp_path):
    monkeypatch.setenv(workspace.HOME_ENV, str(tmp_path))
    expected = (clone, clone / "katas", clone / "reference", tmp_path.resolve())
    assert pytest_side(pytester) == cli_side() == expected


def test_a_home_named_on_the_command_line_wins_over_the_environment(pytester, clone,
                                                                     monkeypatch, tmp_path):
    named = tmp_path / "named"
    named.mkdir()
    monkeypatch.setenv(workspace.HOME_ENV, str(tmp_path))
    expected = (clone, clone / "katas", clone / "reference", named)
    assert pytest_side(pytester, f"--numkata-home={named}") == cli_side("--home", str(named)) \
        == expected


def test_a_missing_named_home_is_refused_the_same_way(pytester, clone, tmp_path):
    missing = tmp_path / "nope"
    said = pytest_side(pytester, f"--numkata-home={missing}")
    assert said == cli_side("--home", str(missing))
    assert said == f"numkata home {missing} does not exist: create it or name another directory"
    assert not missing.exists()


def test_a_home_that_is_a_file_is_refused_the_same_way(pytester, clone):
    (clone / ".numkata").write_text("not a directory")
    said = pytest_side(pytester)
    assert said == cli_side()
    assert "is a file, not a directory" in said


def test_outside_any_workspace(tmp_path, monkeypatch):
    monkeypatch.delenv(workspace.HOME_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    assert workspace.find() is None
    assert "no kata tree here" in cli_side()
    with pytest.raises(workspace.WorkspaceError, match="no kata tree here"):
        workspace.require()
    # a named home still serves the commands that need nothing else (numkata report --home)
    assert workspace.named_home(str(tmp_path)) == tmp_path.resolve()
    assert workspace.named_home(None) is None


def test_the_environment_of_a_run(tmp_path):
    ws = workspace.Workspace.at(tmp_path, "katas", home=str(tmp_path / "home"))
    assert ws.environment() == {
        "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
        "HYPOTHESIS_STORAGE_DIRECTORY": str(tmp_path.resolve() / "home" / "hypothesis")}
    environ = {"OMP_NUM_THREADS": "4"}
    ws.prepare_environment(environ)
    assert environ["OMP_NUM_THREADS"] == "4"  # the learner's own setting is kept
    assert environ["OPENBLAS_NUM_THREADS"] == "1"
    assert ws.pytest_args() == [f"--numkata-home={tmp_path.resolve() / 'home'}"]


def test_the_pytest_options_carry_the_same_workspace(pytester, clone):
    """What watch, check and grading pass to the pytest runs they start makes pytest see the
    workspace the command found (its home included)."""
    ws = workspace.require(clone)
    ws.home.mkdir()  # as they do before they start pytest
    assert pytest_side(pytester, *ws.pytest_args()) == (ws.root, ws.katas, ws.reference,
                                                        ws.home)


def test_report_module_uses_the_workspace_home(clone, monkeypatch, capsys):
    from pytest_numkata.report.__main__ import main

    monkeypatch.chdir(clone / "katas")
    assert main([]) == 0
    assert capsys.readouterr().out.strip() == (clone / ".numkata" / "report.html").as_uri()
    monkeypatch.chdir(clone.parent)
    assert main([]) == 1
    assert "no kata tree here" in capsys.readouterr().err
    assert main([str(clone / "missing")]) == 1
    assert "does not exist" in capsys.readouterr().err
