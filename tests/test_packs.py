"""Kata packs: a teacher's chapters installed beside numkata's own, and the wheel's bundle.

The example packs (``tests/pack_fixtures.py``) are built once per session in a directory that
every ``numkata``/``pytest`` subprocess gets on ``PYTHONPATH``: each pack is a package beside a
``.dist-info`` whose ``entry_points.txt`` declares it in the ``numkata.packs`` group, so
importlib.metadata finds it exactly as it finds a pip-installed one.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from pytest_numkata.packs import catalogue
from pytest_numkata.packs.catalogue import tomllib
from tests import warm_runs
from tests.conftest import pristine_stub
from tests.pack_fixtures import DOUBLE_REFERENCE, DOUBLE_STUB, build_site, build_twin

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    return build_site(tmp_path_factory.mktemp("packs") / "site")


@pytest.fixture(scope="session")
def pack_env(site: Path, tmp_path_factory) -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items()
               if k not in ("NUMKATA_HOME", "FORCE_COLOR", "PY_COLORS", "PYTHONPATH")}
    environ.update(NO_COLOR="1", PYTHONPATH=str(site),
                   NUMKATA_CACHE=str(tmp_path_factory.mktemp("cache")))
    return environ


def run(args: list[str], cwd: Path, env: dict[str, str],
        timeout: float = 300) -> subprocess.CompletedProcess:
    """``python ARGS``; numkata's and pytest's commands fork from the tests' warm server
    (tests/warm_runs.py), which sees the packs on this run's ``PYTHONPATH`` as a cold process
    does."""
    if args[:2] in (["-m", "pytest_numkata"], ["-m", "pytest"]):
        return warm_runs.run([sys.executable, *args], cwd=cwd, env=env, timeout=timeout)
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout)


def numkata(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return run(["-m", "pytest_numkata", *args], cwd, env)


def grade(workspace: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return run(["-m", "pytest", "-p", "no:cacheprovider", "-q", *args], workspace, env)


def results(workspace: Path) -> dict:
    return json.loads((workspace / ".numkata" / "results.json").read_text())


@pytest.fixture(scope="session")
def pack_workspace(tmp_path_factory, pack_env) -> Path:
    """A workspace of the example pack's stubs with the clash pack added (made once)."""
    target = tmp_path_factory.mktemp("packws") / "ws"
    made = numkata("init", str(target), "--pack", "example", cwd=target.parent, env=pack_env)
    assert made.returncode == 0, made.stderr
    added = numkata("init", str(target), "--pack", "clash", cwd=target.parent, env=pack_env)
    assert added.returncode == 0, added.stderr
    return target


@pytest.fixture
def workspace(tmp_path: Path, pack_workspace: Path) -> Path:
    target = tmp_path / "ws"
    shutil.copytree(pack_workspace, target)
    return target


# ---------------------------------------------------------------------------- discovery and ids
def test_installed_packs_are_found_in_order_and_clashing_ids_are_qualified(site, pack_env,
                                                                            tmp_path):
    script = ("import json; from pytest_numkata import packs; c = packs.catalogue_for(); "
              "print(json.dumps({'packs': [p.name for p in packs.installed()], "
              "'katas': [[k.id, k.pack, k.relpath, k.checks_module] for k in c.katas "
              "if k.pack != 'numkata'], 'builtin': [k.id for k in c.katas "
              "if k.pack == 'numkata']}))")
    result = run(["-c", script], tmp_path, pack_env)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert found["packs"] == ["numkata", "clash", "example", "fresh"]
    assert found["builtin"] == [k.id for k in catalogue.load().katas]  # today's ids, unchanged
    assert found["katas"] == [
        ["clash:ch00/ten", "clash", "clash/ch00/ten.py", "clash_pack.checks.ch00.ten"],
        ["ch20/double", "example", "ch20/double.py", "example_pack.checks.ch20.double"],
        ["ch20/half_of_ten", "example", "ch20/half_of_ten.py",
         "example_pack.checks.ch20.half_of_ten"],
        ["ch21/third_of_nine", "example", "ch21/third_of_nine.py",
         "example_pack.checks.ch21.third_of_nine"],
        ["fresh:ch20/triple", "fresh", "fresh/ch20/triple.py",
         "fresh_pack.checks.ch20.triple"],
    ]


def test_a_pack_that_cannot_be_loaded_is_named(site, pack_env, tmp_path):
    broken = tmp_path / "broken"
    info = broken / "broken_pack-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: broken_pack\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[numkata.packs]\nbroken = broken_pack:pack\n")
    env = {**pack_env, "PYTHONPATH": f"{site}{os.pathsep}{broken}"}
    result = numkata("status", cwd=tmp_path, env=env)
    assert result.returncode != 0
    assert "the kata pack broken (broken_pack:pack) cannot be loaded" in result.stderr
    assert "Traceback" not in result.stderr
    ws = tmp_path / "ws"
    (ws / "katas").mkdir(parents=True)
    (ws / "pyproject.toml").write_text('[tool.pytest.ini_options]\nnumkata_katas = "katas"\n')
    graded = grade(ws, env, "katas")
    assert graded.returncode == 4  # pytest's usage error, one line
    assert "the kata pack broken (broken_pack:pack) cannot be loaded" in graded.stderr
    assert "INTERNALERROR" not in graded.stdout + graded.stderr


# ---------------------------------------------------------------------------- init
def test_init_makes_a_workspace_of_a_pack_and_adds_another_keeping_the_learners_files(
        pack_workspace, site, pack_env, tmp_path):
    files = sorted(p.relative_to(pack_workspace / "katas").as_posix()
                   for p in (pack_workspace / "katas").rglob("*.py"))
    assert files == ["ch20/double.py", "ch20/half_of_ten.py", "ch21/third_of_nine.py",
                     "clash/ch00/ten.py"]
    assert (pack_workspace / "katas" / "ch20" / "double.py").read_text() == DOUBLE_STUB
    assert (pack_workspace / "katas" / "clash" / "ch00" / "ten.py").read_text() == \
        (site / "clash_pack" / "stubs" / "ch00" / "ten.py").read_text()
    ws = tmp_path / "ws"
    shutil.copytree(pack_workspace, ws)
    mine = ws / "katas" / "ch20" / "double.py"
    mine.write_text("def double(x):\n    return x + x  # mine\n")
    (ws / "katas" / "ch21" / "third_of_nine.py").unlink()
    again = numkata("init", str(ws), "--pack", "example", cwd=tmp_path, env=pack_env)
    assert again.returncode == 0, again.stderr
    assert "1 stub written, 2 kept as they were" in again.stdout
    assert mine.read_text().endswith("# mine\n")
    assert (ws / "katas" / "ch21" / "third_of_nine.py").is_file()
    builtin = numkata("init", str(ws), cwd=tmp_path, env=pack_env)
    assert builtin.returncode == 0, builtin.stderr
    assert (ws / "katas" / "ch00" / "fp32_max.py").read_text() == pristine_stub("ch00/fp32_max")
    assert mine.read_text().endswith("# mine\n")


def test_init_names_an_unknown_pack(pack_env, tmp_path):
    result = numkata("init", str(tmp_path / "ws"), "--pack", "nope", cwd=tmp_path, env=pack_env)
    assert result.returncode == 2
    assert "no kata pack called 'nope'" in result.stderr and "example" in result.stderr
    assert not (tmp_path / "ws").exists()


# ---------------------------------------------------------------------------- grading, report
def test_a_solved_pack_kata_passes_a_stub_is_not_attempted_and_the_report_lists_them(
        workspace, pack_env):
    (workspace / "katas" / "ch20" / "double.py").write_text(DOUBLE_REFERENCE)
    result = grade(workspace, pack_env, "katas/ch20")
    assert result.returncode == 1, result.stdout  # a kata not attempted: not all passed
    assert "newly mastered: ch20/double" in result.stdout
    assert "ch20/half_of_ten (Derive): not attempted" in result.stdout
    assert "2 passed" in result.stdout and "1 not attempted" in result.stdout
    data = results(workspace)
    listed = {k["id"]: k["status"] for k in data["katas"]}
    assert listed["ch20/double"] == "mastered"
    assert listed["ch20/half_of_ten"] == "not_attempted"
    assert "clash:ch00/ten" in listed and "ch21/third_of_nine" in listed
    assert not any(k.startswith(("ch00/", "fresh:")) for k in listed)  # not in this workspace
    assert [c["id"] for c in data["chapters"]] == ["clash:ch00", "ch20", "ch21"]


def test_the_kata_tree_collects_exactly_the_catalogue_paths_of_a_qualified_pack(
        workspace, pack_env):
    marker = workspace / "imported"
    evil = f"open({str(marker)!r}, 'w').write('x')\n"
    strays = ["clash/stray.py", "clash/ch00/other.py", "clash/ch01/ten.py",
              "nopack/ch00/ten.py", "ch20/sub/double.py"]
    for rel in strays:
        path = workspace / "katas" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(evil)
    (workspace / "katas" / "clash" / "ch00" / "ten.py").write_text("ANSWER = 10\n")
    result = grade(workspace, pack_env, "katas/clash", "katas/nopack", "katas/ch20")
    assert "newly mastered: clash:ch00/ten" in result.stdout, result.stdout
    ignored = next(line for line in result.stdout.splitlines()
                   if line.startswith("ignored (not kata files, never imported):"))
    for shown in ("katas/clash/stray.py", "katas/clash/ch00/other.py", "katas/clash/ch01/",
                  "katas/nopack/", "katas/ch20/sub/"):
        assert shown in ignored, ignored
    assert not marker.exists()
    named = grade(workspace, pack_env, "katas/clash/ch00/other.py")
    assert named.returncode == 4
    assert "is not a numkata kata (the katas of clash:ch00: ten)" in named.stderr


def test_a_pack_kata_failing_names_the_mistake(workspace, pack_env):
    (workspace / "katas" / "ch20" / "double.py").write_text("def double(x):\n    return x * x\n")
    result = grade(workspace, pack_env, "katas/ch20/double.py")
    assert result.returncode == 1
    assert "that is x squared, not 2 * x" in result.stdout


def test_each_packs_chapters_unlock_in_their_own_chain(workspace, pack_env):
    locked = grade(workspace, pack_env, "katas/ch21")
    assert locked.returncode == 5  # pytest's own status: no check selected
    assert "1 deselected" in locked.stdout
    assert "ch21 locked - master ch20 first: 2 of 2 katas left" in locked.stdout
    # the clash pack's first chapter is open, though numkata's own ch00 is not mastered
    (workspace / "katas" / "clash" / "ch00" / "ten.py").write_text("ANSWER = 10\n")
    first = grade(workspace, pack_env, "katas/clash")
    assert first.returncode == 0, first.stdout
    assert "newly mastered: clash:ch00/ten" in first.stdout
    (workspace / "katas" / "ch20" / "double.py").write_text(DOUBLE_REFERENCE)
    (workspace / "katas" / "ch20" / "half_of_ten.py").write_text("ANSWER = 5\n")
    opened = grade(workspace, pack_env, "katas/ch20")
    assert opened.returncode == 0, opened.stdout
    assert "ch21 Thirds is open now" in opened.stdout
    (workspace / "katas" / "ch21" / "third_of_nine.py").write_text("ANSWER = 3\n")
    last = grade(workspace, pack_env, "katas/ch21")
    assert last.returncode == 0 and "newly mastered: ch21/third_of_nine" in last.stdout
    status = numkata("status", cwd=workspace, env=pack_env)
    assert status.returncode == 0, status.stderr
    assert "4 of 4 katas mastered" in status.stdout


def test_hint_reset_and_solution_work_on_a_qualified_pack_kata(workspace, pack_env):
    hint = numkata("hint", "katas/clash/ch00/ten.py", cwd=workspace, env=pack_env)
    assert hint.returncode == 0, hint.stderr
    assert "clash:ch00/ten" in hint.stdout and "hint 1/2: look at the contract" in hint.stdout
    path = workspace / "katas" / "clash" / "ch00" / "ten.py"
    pristine = path.read_text()
    path.write_text("ANSWER = 10\n")
    reset = numkata("reset", "clash:ch00/ten", cwd=workspace, env=pack_env)
    assert reset.returncode == 0, reset.stderr
    assert path.read_text() == pristine
    shown = numkata("solution", "clash/ch00/ten", "--force", cwd=workspace, env=pack_env)
    assert shown.returncode == 0, shown.stderr
    assert "ANSWER = 10" in shown.stdout and "the clash pack's reference" in shown.stdout


# ---------------------------------------------------------------------------- a class
@pytest.mark.slow
def test_numkata_grade_grades_a_class_on_a_packs_katas(site, pack_env, tmp_path):
    from pytest_numkata.classroom.gradebook import Gradebook

    subs = tmp_path / "subs"
    for learner, files in {
        "ann": {"ch20/double.py": DOUBLE_REFERENCE, "clash/ch00/ten.py": "ANSWER = 1\n"},
        "bo": {"ch20/double.py": DOUBLE_STUB, "ch20/half_of_ten.py": "ANSWER = 5\n"},
    }.items():
        for rel, text in files.items():
            path = subs / learner / "katas" / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
    out = tmp_path / "out"
    result = numkata("grade", str(subs), "--out", str(out), "--chapters", "clash:ch00,ch20",
                     "--in-process", cwd=tmp_path, env=pack_env)
    assert result.returncode == 0, result.stderr + result.stdout
    with Gradebook(out) as book:
        verdicts = {(row["learner"], row["kata"]): row["verdict"] for row in book.grades()}
    assert verdicts == {
        ("ann", "clash:ch00/ten"): "failing", ("ann", "ch20/double"): "mastered",
        ("ann", "ch20/half_of_ten"): "missing",
        ("bo", "clash:ch00/ten"): "missing", ("bo", "ch20/double"): "not attempted",
        ("bo", "ch20/half_of_ten"): "mastered",
    }


# ---------------------------------------------------------------------------- numkata new
def test_a_scaffolded_kata_is_not_attempted_and_its_checks_fail_until_written(
        site, pack_env, tmp_path):
    ws = tmp_path / "ws"
    made = numkata("init", str(ws), "--pack", "fresh", cwd=tmp_path, env=pack_env)
    assert made.returncode == 0, made.stderr
    stub = grade(ws, pack_env, "katas")
    assert stub.returncode == 1 and "1 not attempted" in stub.stdout, stub.stdout
    assert "passed" not in stub.stdout and "failed" not in stub.stdout
    # the scaffolded reference only raises NotImplementedError: it does not pass
    reference = ws / "reference" / "fresh" / "ch20" / "triple.py"
    reference.parent.mkdir(parents=True)
    shutil.copy(site / "fresh_pack" / "reference" / "ch20" / "triple.py", reference)
    unwritten = grade(ws, pack_env, "katas", "--numkata-use=reference")
    assert unwritten.returncode == 1, unwritten.stdout
    assert "1 not attempted" in unwritten.stdout and "passed" not in unwritten.stdout
    # a right solution fails too while the checks' worked example is not written
    (ws / "katas" / "fresh" / "ch20" / "triple.py").write_text("def triple(x):\n"
                                                              "    return 3 * x\n")
    solved = grade(ws, pack_env, "katas")
    assert solved.returncode == 1, solved.stdout
    assert "ch20/triple: the checks' worked example is not written yet" in solved.stdout


def test_numkata_new_scaffolds_every_file_and_the_catalogue_entry(pack_env, tmp_path):
    into = tmp_path / "mypack"
    made = numkata("new", "ch03/area", "--type", "Build", "--params", "a, b", "--into",
                   str(into), cwd=tmp_path, env=pack_env)
    assert made.returncode == 0, made.stderr
    written = sorted(p.relative_to(into).as_posix() for p in into.rglob("*") if p.is_file())
    assert written == ["alternatives/ch03/area.py", "catalogue/ch03.toml",
                       "checks/__init__.py", "checks/ch03/__init__.py", "checks/ch03/area.py",
                       "mutants/ch03/area.py", "reference/ch03/area.py", "stubs/ch03/area.py"]
    for rel in written:
        assert rel in made.stdout
    assert "def area(a, b):\n    raise NotImplementedError\n" in \
        (into / "stubs" / "ch03" / "area.py").read_text()
    entries = catalogue.load(into / "catalogue", "mypack", "mypack.checks")
    kata = entries.kata("ch03/area")
    assert (kata.type, kata.function, kata.checks_module) == (
        "Build", "area", "mypack.checks.ch03.area")
    (into / "why").mkdir()  # a pack that keeps "why it works" notes gets an empty one
    second = numkata("new", "ch03/volume", "--type", "Derive", "--into", str(into),
                     cwd=tmp_path, env=pack_env)
    assert second.returncode == 0, second.stderr
    assert "why/ch03.toml" in second.stdout
    assert tomllib.loads((into / "why" / "ch03.toml").read_text()) == {"volume": {"why": ""}}
    assert [k.id for k in catalogue.load(into / "catalogue", "mypack2", "mypack.checks")
            .katas] == ["ch03/area", "ch03/volume"]
    assert not (into / "mutants" / "ch03" / "volume.py").exists()  # answer katas: no mutants
    again = numkata("new", "ch03/area", "--type", "Build", "--into", str(into), cwd=tmp_path,
                    env=pack_env)
    assert again.returncode == 1 and "already" in again.stderr
    bad = numkata("new", "ch3/Area", "--type", "Build", "--into", str(into), cwd=tmp_path,
                  env=pack_env)
    assert bad.returncode == 2 and "not a kata id" in bad.stderr


# ---------------------------------------------------------------------------- the wheel
@pytest.mark.slow
def test_the_wheel_bundles_the_stubs_and_init_from_it_gives_them(tmp_path):
    """The bundle is made when the wheel is built (setup.py) and is in no commit; a numkata
    running from the wheel's files alone (no clone on the path) makes workspaces from it."""
    built = run(["-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q",
                 "-w", str(tmp_path / "dist"), str(ROOT)], tmp_path, dict(os.environ))
    assert built.returncode == 0, built.stderr
    wheel = next((tmp_path / "dist").glob("numkata-*.whl"))
    unpacked = tmp_path / "wheel"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        assert "pytest_numkata/kata_bundle.json.gz" in names
        assert not [n for n in names if "__pycache__" in n or n.endswith(".jinja2")], \
            "compiled code or templates of this clone went into the wheel"
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        assert "[numkata.packs]\nnumkata = pytest_numkata.packs.builtin:pack" in \
            archive.read(entry_points).decode()
        archive.extractall(unpacked)
    env = {k: v for k, v in os.environ.items() if k not in ("NUMKATA_HOME", "PYTHONPATH")}
    env.update(PYTHONPATH=str(unpacked), NUMKATA_CACHE=str(tmp_path / "cache"), NO_COLOR="1")
    where = run(["-c", "import pytest_numkata.packs as p; print(p.__file__); "
                       "print(p.installed()[0].stubs)"], tmp_path, env)
    assert where.returncode == 0, where.stderr
    module, stubs = where.stdout.split()
    assert Path(module).is_relative_to(unpacked)  # the wheel's copy, not the clone's
    assert Path(stubs).is_relative_to(tmp_path / "cache")
    made = run(["-m", "pytest_numkata", "init", str(tmp_path / "ws")], tmp_path, env)
    assert made.returncode == 0, made.stderr
    for kata in catalogue.load().katas:
        assert (tmp_path / "ws" / "katas" / kata.relpath).read_text() == pristine_stub(kata.id)


# ---------------------------------------------------------------------------- numkata dev check
@pytest.mark.slow  # grades the pack's stubs, references, mutants and alternatives
def test_dev_check_grades_a_pack_and_finds_it_sound(pack_env, tmp_path):
    result = numkata("dev", "check", "example", cwd=tmp_path, env=pack_env)
    assert result.returncode == 0, result.stdout + result.stderr
    rows = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines()
            if line.startswith("ch2")}
    assert set(rows) == {"ch20/double", "ch20/half_of_ten", "ch21/third_of_nine"}
    assert rows["ch20/double"] == ["ok", "ok", "1/1", "1/1", "-"], result.stdout
    assert rows["ch20/half_of_ten"] == ["ok", "ok", "-", "2/2", "-"], result.stdout
    assert "example: all 3 katas sound" in result.stdout


def test_dev_check_takes_a_qualified_packs_katas_under_the_ids_a_run_gives_them(
        site, tmp_path, monkeypatch):
    from pytest_numkata import packs
    from pytest_numkata.authoring import dev_check
    from pytest_numkata.packs import builtin

    twin_site = build_twin(tmp_path / "twin")
    monkeypatch.syspath_prepend(str(twin_site))  # its checks module is found
    twin = packs.Pack.at(twin_site / "twin_pack", "twin", "Twin")
    example = packs.Pack.at(site / "example_pack", "example", "Example")
    union = packs.union([builtin.pack(), example, twin])
    assert packs.with_union_ids(example.catalogue, union) is example.catalogue  # plain ids
    cat = packs.with_union_ids(twin.catalogue, union)
    assert [ch.id for ch in cat.chapters] == ["twin:ch20"]
    assert [(k.id, k.local_id, k.relpath) for k in cat.katas] == [
        ("twin:ch20/double", "ch20/double", "twin/ch20/double.py")]
    assert cat.katas[0].hints == twin.catalogue.katas[0].hints
    for name in ("twin:ch20/double", "ch20/double", "twin:ch20", "ch20/"):
        assert [k.id for k in dev_check.selected(cat, [name])] == ["twin:ch20/double"]
    with pytest.raises(KeyError):
        dev_check.selected(cat, ["ch21/double"])
    variants, stubs, problems = dev_check.variants_of(twin, list(cat.katas), cat)
    assert sorted((v.key, v.kind) for v in variants) == [
        ("twin:ch20/double:adds_it_to_itself", "alternative"),
        ("twin:ch20/double:reference", "reference"), ("twin:ch20/double:squares", "mutant"),
        ("twin:ch20/double:stub", "stub")]
    assert stubs == {"twin:ch20/double": DOUBLE_STUB}
    assert problems == {"twin:ch20/double": []}


@pytest.mark.slow  # grades the pack's stub, reference, mutant and alternative
def test_dev_check_grades_a_qualified_pack_at_its_qualified_paths(site, pack_env, tmp_path):
    twin_site = build_twin(tmp_path / "twin")
    env = {**pack_env, "PYTHONPATH": f"{site}{os.pathsep}{twin_site}"}
    result = numkata("dev", "check", "twin", cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    rows = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines()
            if line.startswith("twin:ch")}
    assert rows == {"twin:ch20/double": ["ok", "ok", "1/1", "1/1", "-"]}, result.stdout
    assert "twin: all 1 katas sound" in result.stdout
