"""The ``numkata`` command: status, hint, reset, solution, init, report.

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

from pytest_numkata import why
from pytest_numkata.packs import catalogue
from pytest_numkata.progress.outcomes import Outcome
from pytest_numkata.progress.store import Attempt, ProgressStore
from tests import warm_runs
from tests.conftest import committed_reference, pristine_stub

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = catalogue.load()
FIRST = CATALOGUE.chapters[0]


def numkata(*args: str, cwd: Path, env: dict | None = None,
            timeout: float = 120) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items()
               if k not in ("NUMKATA_HOME", "FORCE_COLOR", "PY_COLORS", "NO_COLOR")}
    environ.update(env or {})
    return warm_runs.run([sys.executable, "-m", "pytest_numkata", *args], cwd=cwd,
                         env=environ, timeout=timeout)


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
        store.record_run([Attempt(kata=k, outcome=Outcome.PASSED, checks_total=1)
                          for k in kata_ids])


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
    for command in ("status", "next", "check", "hint", "reset", "restore", "solution", "watch",
                    "init", "report"):
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
    """Named-mistake messages point to `numkata hint <kata id>`: every id must work (once its
    chapter is open)."""
    from pytest_numkata.cli import main

    home = tmp_path / "home"
    home.mkdir()
    for chapter in CATALOGUE.chapters:
        for kata in chapter.katas:
            assert main(["hint", kata.id, "--home", str(home), "-q"]) == 0, kata.id
        with ProgressStore(home) as store:
            assert all(store.states()[k.id].hints_used == 1 for k in chapter.katas)
        master(home, [k.id for k in chapter.katas])  # opens the next chapter


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
    assert path.read_text() == pristine == pristine_stub("ch00/fp32_max")
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
        assert path.read_text() == pristine_stub(f"ch00/{path.stem}")
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
    solution = committed_reference(kata_id)
    forced = numkata("solution", kata_id, "--force", cwd=workspace)
    assert forced.returncode == 0
    assert "warning" in forced.stderr
    assert solution in forced.stdout
    assert "Why it works" not in forced.stdout  # the note is earned by mastery, not --force
    master(workspace / ".numkata", [kata_id])
    shown = numkata("solution", kata_id, cwd=workspace)
    assert shown.returncode == 0 and solution in shown.stdout and shown.stderr == ""
    assert "bundled reference" in shown.stdout  # an init'ed workspace has no reference/
    assert "# Why it works / where this bites in ML" in shown.stdout
    first_words = " ".join(why.note(kata_id).split()[:4])
    assert first_words in " ".join(shown.stdout.replace("# ", " ").split())


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


# ---------------------------------------------------------------------------- restore
def _backups(workspace: Path) -> list[Path]:
    return sorted((workspace / ".numkata" / "backups").glob("*/ch00/fp32_max.py"))


def test_restore_brings_back_what_reset_kept(workspace: Path):
    path = workspace / "katas" / "ch00" / "fp32_max.py"
    pristine = path.read_text()
    nothing = numkata("restore", "ch00/fp32_max", cwd=workspace)
    assert nothing.returncode == 1 and "no backups of ch00/fp32_max yet" in nothing.stderr
    no_traceback(nothing)
    path.write_text("ANSWER = 1.0  # first try\n")
    assert numkata("reset", "ch00/fp32_max", cwd=workspace).returncode == 0
    first = _backups(workspace)[0]
    # a second reset in another second: two backups, the latest restored by default
    first.parent.parent.rename(first.parent.parent.with_name("20200101-120000"))
    path.write_text("ANSWER = 2.0  # second try\n")
    assert numkata("reset", "ch00/fp32_max", cwd=workspace).returncode == 0
    assert path.read_text() == pristine

    listing = numkata("restore", "ch00/fp32_max", "--list", cwd=workspace)
    assert listing.returncode == 0, listing.stderr
    lines = [line for line in listing.stdout.splitlines() if "backups/" in line]
    assert len(lines) == 2 and "(latest)" in lines[0] and "20200101-120000" in lines[1]
    assert "2020-01-01 12:00:00" in lines[1]
    assert path.read_text() == pristine  # --list changes nothing

    latest = numkata("restore", "ch00/fp32_max", cwd=workspace)
    assert latest.returncode == 0, latest.stderr
    assert path.read_text() == "ANSWER = 2.0  # second try\n"
    assert "restored" in latest.stdout and "the file it replaced is kept in" in latest.stdout
    assert pristine in [p.read_text() for p in _backups(workspace)]  # nothing is ever lost

    chosen = numkata("restore", "ch00/fp32_max", "--from", "2020-01-01 12:00", cwd=workspace)
    assert chosen.returncode == 0, chosen.stderr
    assert path.read_text() == "ANSWER = 1.0  # first try\n"


def test_restore_errors_are_one_line_with_a_way_on(workspace: Path):
    path = workspace / "katas" / "ch00" / "fp32_max.py"
    path.write_text("ANSWER = 1.0\n")
    assert numkata("reset", "ch00", cwd=workspace).returncode == 0
    for args, code, text in [
        (("restore", "ch00/fp32_max", "--from", "1999"), 2, "--list` shows the times"),
        (("restore", "ch00/fp32_mx"), 2, "did you mean ch00/fp32_max?"),
        (("restore",), 2, "numkata restore --help"),
    ]:
        result = numkata(*args, cwd=workspace)
        assert result.returncode == code, (args, result.stderr)
        assert text in result.stderr and len(result.stderr.strip().splitlines()) == 1, args
        no_traceback(result)
    whole = numkata("restore", "ch00", cwd=workspace)  # a chapter: the katas that have one
    assert whole.returncode == 0, whole.stderr
    assert path.read_text() == "ANSWER = 1.0\n"
    assert f"ch00: 1 of {len(FIRST.katas)} katas restored" in whole.stdout


# ---------------------------------------------------------------------------- next / open
def test_next_prints_the_kata_to_attempt_and_opens_it(workspace: Path):
    first, second = FIRST.katas[0], FIRST.katas[1]
    result = numkata("next", cwd=workspace, env={"NO_COLOR": "1"})
    assert result.returncode == 0, result.stderr
    assert f"next: {first.id} - {first.title}" in result.stdout
    assert f"katas/{first.relpath}" in result.stdout and "numkata check" in result.stdout
    master(workspace / ".numkata", [first.id])
    quiet = numkata("open", "-q", cwd=workspace)  # the alias; -q: the path alone
    assert quiet.stdout == f"katas/{second.relpath}\n"
    editor = workspace / "editor.py"
    editor.write_text("import sys; open('edited.txt', 'w').write(sys.argv[1])\n")
    edited = numkata("next", "--edit", "-q", cwd=workspace,
                     env={"VISUAL": f"{sys.executable} {editor}", "EDITOR": "false"})
    assert edited.returncode == 0, edited.stderr
    assert Path((workspace / "edited.txt").read_text()) == workspace / "katas" / second.relpath


def test_next_edit_without_an_editor_says_how(workspace: Path):
    environ = {k: v for k, v in os.environ.items() if k not in ("VISUAL", "EDITOR")}
    result = subprocess.run([sys.executable, "-m", "pytest_numkata", "next", "--edit"],
                            cwd=workspace, env=environ, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 2
    assert "no editor set: export VISUAL or EDITOR" in result.stderr
    missing = numkata("next", "--edit", cwd=workspace, env={"VISUAL": "no-such-editor-here"})
    assert missing.returncode == 2 and "could not start your editor" in missing.stderr
    no_traceback(missing)


# ---------------------------------------------------------------------------- check
@pytest.mark.slow  # five pytest runs
def test_check_grades_the_next_kata_or_the_one_named(workspace: Path):
    first = FIRST.katas[0]
    plain = numkata("check", cwd=workspace)  # the next kata: the untouched first stub
    assert plain.returncode == 1, plain.stdout + plain.stderr
    assert "1 not attempted" in plain.stdout and first.relpath in plain.stdout
    (workspace / "katas" / first.relpath).write_text(committed_reference(first.id))
    named = numkata("check", f"katas/{first.relpath}", cwd=workspace)
    assert named.returncode == 0, named.stdout
    with ProgressStore(workspace / ".numkata") as store:
        assert store.states()[first.id].mastered
    then = numkata("check", "-q", cwd=workspace)  # the next kata moved on
    assert FIRST.katas[1].relpath in then.stdout or FIRST.katas[1].id in then.stdout
    chapter = numkata("check", FIRST.id, "--", "-k", "nothing_matches_this", cwd=workspace)
    assert chapter.returncode == 5  # pytest's own status: no check selected
    locked = numkata("check", "ch1", cwd=workspace)
    assert locked.returncode != 0 and "ch01 locked - master ch00 first" in locked.stdout


def test_check_errors_are_one_line(workspace: Path):
    (workspace / "katas" / "ch00" / "fp32_max.py").unlink()
    for args, text in [(("check", "ch00/fp32_max"), "numkata reset ch00/fp32_max"),
                       (("check", "ch00/fp32_mx"), "did you mean ch00/fp32_max?")]:
        result = numkata(*args, cwd=workspace)
        assert result.returncode == 2, result.stdout
        assert text in result.stderr and len(result.stderr.strip().splitlines()) == 1
        no_traceback(result)


# ---------------------------------------------------------------------------- hints earned
def test_hints_of_a_locked_chapter_are_refused_and_not_counted(workspace: Path):
    result = numkata("hint", "ch03/jacobi_by_hand", cwd=workspace)
    assert result.returncode == 1
    assert "ch03 is locked - master ch02 first" in result.stderr
    assert result.stdout == ""
    no_traceback(result)
    with ProgressStore(workspace / ".numkata") as store:
        assert "ch03/jacobi_by_hand" not in store.states()


def test_hints_of_a_mastered_kata_are_shown_but_not_counted(workspace: Path):
    kata = CATALOGUE.kata("ch00/fp32_max")
    master(workspace / ".numkata", [kata.id])
    result = numkata("hint", kata.id, cwd=workspace)
    assert result.returncode == 0, result.stderr
    assert f"hint {len(kata.hints)}/{len(kata.hints)}" in result.stdout
    assert "is mastered" in result.stdout and "none counted" in result.stdout
    with ProgressStore(workspace / ".numkata") as store:
        assert store.states()[kata.id].hints_used == 0


# ---------------------------------------------------------------------------- naming
def test_chapter_numbers_as_typed_and_suggestions_best_first(workspace: Path):
    from pytest_numkata.cli.naming import normal_id, suggestions

    assert normal_id("ch1") == normal_id("1") == normal_id("CH01") == "ch01"
    assert normal_id("katas/ch1/log_sum_exp.py") == "ch01/log_sum_exp"
    chapters = [c.id for c in CATALOGUE.chapters]
    assert suggestions("ch1x", chapters)[0] == "ch01"
    result = numkata("watch", "ch1x", cwd=workspace)
    assert result.returncode == 2
    assert "did you mean ch01 or ch10 or ch11?" in result.stderr
    locked = numkata("watch", "ch1", cwd=workspace)  # ch1 is ch01: known, and locked
    assert locked.returncode == 1 and "ch01 locked - master ch00 first" in locked.stderr


def test_pytest_options_for_check_go_after_a_double_dash(workspace: Path):
    result = numkata("check", "ch00", "-x", cwd=workspace)
    assert result.returncode == 2
    assert "pytest's options go after --: numkata check ch00 -- -x" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
