"""The ``numkata`` command: status, hint, reset, solution, init, report, and the kata bundle.

Most tests run the real command in a subprocess (``python -m pytest_numkata``) inside a
workspace made by ``numkata init``, with an explicit home, so they see exactly what a learner
sees: exit status, stdout, stderr - and never a traceback.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pytest_numkata import bundle, catalogue
from pytest_numkata.progress import PASSED, Attempt, ProgressStore

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = catalogue.load()
FIRST = CATALOGUE.chapters[0]


def numkata(*args: str, cwd: Path, env: dict | None = None,
            timeout: float = 120) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items()
               if k not in ("NUMKATA_HOME", "FORCE_COLOR", "PY_COLORS", "NO_COLOR")}
    environ.update(env or {})
    return subprocess.run([sys.executable, "-m", "pytest_numkata", *args], cwd=cwd,
                          env=environ, capture_output=True, text=True, timeout=timeout)


def no_traceback(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stderr + result.stdout, result.stderr


@pytest.fixture(scope="module")
def pristine_workspace(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("pristine") / "ws"
    result = numkata("init", str(target), cwd=target.parent)
    assert result.returncode == 0, result.stderr
    return target


@pytest.fixture
def workspace(tmp_path: Path, pristine_workspace: Path) -> Path:
    """A fresh copy of an init'ed workspace, with its home created."""
    import shutil

    target = tmp_path / "ws"
    shutil.copytree(pristine_workspace, target)
    (target / ".numkata").mkdir()
    return target


def master(home: Path, kata_ids) -> None:
    with ProgressStore(home) as store:
        store.record_run([Attempt(kata=k, outcome=PASSED, checks_total=1) for k in kata_ids])


# ---------------------------------------------------------------------------- the bundle
def test_bundle_matches_the_kata_and_reference_trees():
    expected = bundle.build(ROOT)
    diff = bundle.differences(bundle.read(), expected)
    assert not diff, ("the kata bundle is out of date: regenerate it with "
                      f"`{bundle.REGENERATE}`\n" + "\n".join(diff[:20]))


def test_bundle_holds_every_catalogued_kata():
    data = bundle.read()
    for kata in CATALOGUE.katas:
        if (ROOT / "katas" / kata.relpath).exists():
            assert kata.id in data["katas"], f"{kata.id}: regenerate with {bundle.REGENERATE}"
        if (ROOT / "reference" / kata.relpath).exists():
            assert kata.id in data["reference"], kata.id


def test_bundle_check_mode_reports_drift(tmp_path: Path):
    for tree in bundle.TREES:
        (tmp_path / tree / "ch00").mkdir(parents=True)
    (tmp_path / "katas" / "ch00" / "extra.py").write_text("ANSWER = ...\n")
    result = subprocess.run([sys.executable, "-m", "pytest_numkata.bundle", "--check",
                             "--root", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 1
    assert "regenerate it with `python -m pytest_numkata.bundle`" in result.stderr


# ---------------------------------------------------------------------------- no tree, bad ids
def test_outside_a_kata_tree_says_so(tmp_path: Path):
    result = numkata("status", cwd=tmp_path)
    assert result.returncode == 2
    assert "no kata tree here" in result.stderr and "numkata init" in result.stderr
    no_traceback(result)


def test_a_named_home_must_exist(workspace: Path):
    result = numkata("status", "--home", str(workspace / "nope"), cwd=workspace)
    assert result.returncode == 2
    assert "does not exist" in result.stderr
    no_traceback(result)


@pytest.mark.parametrize("args", [
    ("hint", "ch00/no_such_kata"),
    ("hint", "ch99/fp32_max"),
    ("reset", "ch42"),
    ("reset", "ch00/nope"),
    ("solution", "nope"),
    ("watch", "ch77"),
])
def test_unknown_ids_exit_non_zero_with_a_clear_message(workspace: Path, args):
    result = numkata(*args, cwd=workspace)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "unknown" in result.stderr and repr(args[1]) in result.stderr
    no_traceback(result)


def test_a_close_misspelling_is_suggested(workspace: Path):
    result = numkata("hint", "ch00/fp32_mx", cwd=workspace)
    assert result.returncode == 2
    assert "did you mean ch00/fp32_max?" in result.stderr


# ---------------------------------------------------------------------------- status
def test_status_of_a_fresh_workspace(workspace: Path):
    result = numkata("status", cwd=workspace, env={"NO_COLOR": "1"})
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert f"0 of {len(CATALOGUE.katas)} katas mastered" in out
    assert f"{FIRST.id} {FIRST.title}" in out and f"0/{len(FIRST.katas)} mastered" in out
    assert f"locked (master {FIRST.id} first" in out
    first = FIRST.katas[0]
    assert f"next: {first.id} ({first.type}, {first.difficulty}) - pytest katas/{first.relpath}" in out
    assert "streak: none yet" in out
    assert "\x1b[" not in out


def test_status_json_follows_progress(workspace: Path):
    home = workspace / ".numkata"
    master(home, [k.id for k in FIRST.katas])
    result = numkata("status", "--json", cwd=workspace)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    chapters = {c["id"]: c for c in data["chapters"]}
    assert chapters[FIRST.id]["mastered"] == len(FIRST.katas)
    second = CATALOGUE.chapters[1]
    assert chapters[second.id]["unlocked"] is True
    assert chapters[CATALOGUE.chapters[2].id]["unlocked"] is False
    assert data["next"]["id"] == second.katas[0].id
    assert data["streak"]["current"] == 1 and data["streak"]["best"] == 1
    assert data["mastered"] == len(FIRST.katas)
    statuses = {k["id"]: k["status"] for k in data["katas"]}
    assert statuses[FIRST.katas[0].id] == "mastered"
    assert statuses[second.katas[0].id] == "not_attempted"


def test_status_verbose_lists_katas_and_quiet_only_what_next(workspace: Path):
    verbose = numkata("status", "-v", cwd=workspace).stdout
    for kata in FIRST.katas:
        assert kata.id in verbose
    quiet = numkata("status", "-q", cwd=workspace).stdout
    assert quiet.strip().startswith("next:") and "mastered" not in quiet


def test_colour_follows_no_color_and_force_color(workspace: Path):
    forced = numkata("status", cwd=workspace, env={"FORCE_COLOR": "1"})
    assert "\x1b[" in forced.stdout
    both = numkata("status", cwd=workspace, env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\x1b[" not in both.stdout
    assert "\x1b[" not in numkata("status", cwd=workspace).stdout  # not a terminal


def test_quick_commands_import_neither_numpy_nor_pytest(workspace: Path):
    code = ("import sys; from pytest_numkata.cli import main; "
            "main(['status']); main(['hint', 'ch00/fp32_max']); "
            "print('heavy:', sorted(m for m in ('numpy', 'pytest', 'scipy', 'hypothesis') "
            "if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], cwd=workspace, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "heavy: []" in result.stdout


def test_module_and_help(workspace: Path):
    result = numkata("--help", cwd=workspace)
    assert result.returncode == 0
    for command in ("status", "hint", "reset", "solution", "watch", "init", "report"):
        assert command in result.stdout


# ---------------------------------------------------------------------------- hint
def test_hints_are_progressive_recorded_and_capped(workspace: Path):
    kata = CATALOGUE.kata("ch00/fp32_max")
    total = len(kata.hints)
    for call in range(1, total + 1):
        result = numkata("hint", kata.id, cwd=workspace)
        assert result.returncode == 0, result.stderr
        for number in range(1, total + 1):
            shown = f"hint {number}/{total}: {kata.hints[number - 1]}" in result.stdout
            assert shown == (number <= call), (call, number, result.stdout)
    assert "that was the last hint" in result.stdout
    again = numkata("hint", f"katas/{kata.relpath}", cwd=workspace)  # a file path works too
    assert again.returncode == 0
    assert f"all {total} hints are shown" in again.stdout
    assert f"hint {total}/{total}" in again.stdout
    with ProgressStore(workspace / ".numkata") as store:
        assert store.states()[kata.id].hints_used == total  # further calls are not counted
    # ... and the report shows them
    report = numkata("report", cwd=workspace)
    assert report.returncode == 0, report.stderr
    results = json.loads((workspace / ".numkata" / "results.json").read_text())
    used = {k["id"]: k["hints_used"] for k in results["katas"]}
    assert used[kata.id] == total


def test_every_kata_id_a_check_message_can_print_has_hints(tmp_path: Path):
    """Named-mistake messages point to `numkata hint <kata id>`: every id must work."""
    from pytest_numkata.cli import main

    home = tmp_path / "home"
    home.mkdir()
    for kata in CATALOGUE.katas:
        assert main(["hint", kata.id, "--home", str(home), "-q"]) == 0, kata.id
    with ProgressStore(home) as store:
        states = store.states()
    assert all(states[k.id].hints_used == 1 for k in CATALOGUE.katas)


def test_the_hint_a_named_mistake_points_to_works(workspace: Path):
    kata = workspace / "katas" / "ch00" / "machine_epsilon.py"
    kata.write_text(kata.read_text().replace("ANSWER = ...", "ANSWER = 2.0**-24"))
    env = {k: v for k, v in os.environ.items() if k != "NUMKATA_HOME"}
    run = subprocess.run([sys.executable, "-m", "pytest", "katas/ch00/machine_epsilon.py",
                          "-p", "no:cacheprovider"], cwd=workspace, env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 1, run.stdout
    assert "half the gap" in run.stdout
    pointed = re.findall(r"`numkata hint (\S+)`", run.stdout)
    assert pointed, run.stdout
    for kata_id in set(pointed):
        result = numkata("hint", kata_id, cwd=workspace)
        assert result.returncode == 0, result.stderr
        assert "hint 1/" in result.stdout


# ---------------------------------------------------------------------------- reset
def test_reset_restores_the_stub_and_keeps_a_backup(workspace: Path):
    path = workspace / "katas" / "ch00" / "fp32_max.py"
    pristine = path.read_text()
    mine = pristine.replace("ANSWER = ...", "ANSWER = 3.4e38  # my try")
    path.write_text(mine)
    result = numkata("reset", "ch00/fp32_max", cwd=workspace)
    assert result.returncode == 0, result.stderr
    assert path.read_text() == pristine == bundle.text("katas", "ch00/fp32_max")
    backups = list((workspace / ".numkata" / "backups").glob("*/ch00/fp32_max.py"))
    assert len(backups) == 1 and backups[0].read_text() == mine
    assert backups[0].relative_to(workspace).as_posix() in result.stdout
    again = numkata("reset", "ch00/fp32_max", cwd=workspace)
    assert again.returncode == 0 and "already pristine" in again.stdout


def test_reset_a_chapter_backs_up_only_what_changed(workspace: Path):
    chapter = workspace / "katas" / "ch00"
    (chapter / "fp32_max.py").write_text("ANSWER = 1\n")
    (chapter / "machine_epsilon.py").unlink()
    first_two = (chapter / "fp32_max.py"), (chapter / "machine_epsilon.py")
    result = numkata("reset", "ch00", cwd=workspace)
    assert result.returncode == 0, result.stderr
    for path in first_two:
        assert path.read_text() == bundle.text("katas", f"ch00/{path.stem}")
    saved = sorted(p.relative_to(workspace / ".numkata" / "backups").as_posix()
                   for p in (workspace / ".numkata" / "backups").rglob("*.py"))
    assert len(saved) == 1 and saved[0].endswith("ch00/fp32_max.py")
    assert "restored" in result.stdout and f"2 of {len(FIRST.katas)} katas reset" in result.stdout


# ---------------------------------------------------------------------------- solution
def test_solution_waits_for_mastery_unless_forced(workspace: Path):
    kata_id = "ch00/fp32_max"
    refused = numkata("solution", kata_id, cwd=workspace)
    assert refused.returncode == 1
    assert "not mastered yet" in refused.stderr and "--force" in refused.stderr
    assert refused.stdout == ""
    no_traceback(refused)
    solution = bundle.text("reference", kata_id)
    forced = numkata("solution", kata_id, "--force", cwd=workspace)
    assert forced.returncode == 0
    assert "warning" in forced.stderr
    assert solution in forced.stdout
    master(workspace / ".numkata", [kata_id])
    shown = numkata("solution", kata_id, cwd=workspace)
    assert shown.returncode == 0 and solution in shown.stdout and shown.stderr == ""
    assert "bundled reference" in shown.stdout  # an init'ed workspace has no reference/


def test_solution_in_a_clone_reads_the_reference_tree(tmp_path: Path):
    home = tmp_path / "home"
    home.mkdir()
    master(home, ["ch00/fp32_max"])
    result = numkata("solution", "ch00/fp32_max", "--home", str(home), cwd=ROOT / "katas")
    assert result.returncode == 0, result.stderr
    assert "(reference/ch00/fp32_max.py)" in result.stdout
    assert (ROOT / "reference" / "ch00" / "fp32_max.py").read_text() in result.stdout


# ---------------------------------------------------------------------------- init
def test_init_makes_a_workspace_pytest_grades(pristine_workspace: Path, tmp_path: Path):
    ws = pristine_workspace
    assert (ws / "pyproject.toml").is_file() and (ws / "README.md").is_file()
    assert ".numkata/" in (ws / ".gitignore").read_text()
    assert 'numkata_katas = "katas"' in (ws / "pyproject.toml").read_text()
    assert not (ws / "reference").exists()
    stubs = sorted(p.relative_to(ws / "katas").with_suffix("").as_posix()
                   for p in (ws / "katas").rglob("*.py"))
    assert stubs == sorted(k.id for k in CATALOGUE.katas)
    work = tmp_path / "copy"
    import shutil

    shutil.copytree(ws, work)
    env = {k: v for k, v in os.environ.items() if k != "NUMKATA_HOME"}
    run = subprocess.run([sys.executable, "-m", "pytest", f"katas/{FIRST.id}"], cwd=work,
                         env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 1, run.stdout + run.stderr
    assert f"{len(FIRST.katas)} not attempted" in run.stdout
    assert "Traceback" not in run.stdout
    assert (work / ".numkata" / "progress.sqlite3").is_file()
    status = numkata("status", "--json", cwd=work / "katas" / FIRST.id)  # from a subdirectory
    assert json.loads(status.stdout)["root"] == str(work.resolve())


def test_init_refuses_a_non_empty_directory(tmp_path: Path):
    (tmp_path / "mine.txt").write_text("keep me")
    result = numkata("init", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 2
    assert "not empty" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.txt"]


# ---------------------------------------------------------------------------- report
def test_report_prints_a_file_link(workspace: Path):
    master(workspace / ".numkata", ["ch00/fp32_max"])
    result = numkata("report", cwd=workspace)
    assert result.returncode == 0, result.stderr
    link = result.stdout.strip()
    assert link.startswith("file://") and link.endswith("/report.html")
    assert (workspace / ".numkata" / "report.html").is_file()
    assert (workspace / ".numkata" / "results.json").is_file()
