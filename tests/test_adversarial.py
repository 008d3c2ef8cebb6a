"""A hostile learner: every attack family in tests/adversarial/ fails closed.

Each case grades a tree in a real pytest subprocess: ``ch00/fp32_max`` solved, ``ch01/log_sum_exp``
replaced by the attack, after an earlier run recorded ``ch00/machine_epsilon`` as mastered.
Whatever the attack does, the attack's kata is not passed, the solved kata is recorded as passed,
the earlier mastery survives, the store stays a valid database, nothing in the tree changes, the
run completes without an internal error, no escape sequence reaches the output, and no process
of the run is left behind. A control (a correct solution using SciPy) must pass.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from pytest_numkata.progress.store import ProgressStore
from pytest_numkata.sandbox.confine import landlock_abi
from tests.conftest import PYPROJECT, ROOT

pytestmark = pytest.mark.slow  # a pytest process per attack

ATTACKS = Path(__file__).parent / "adversarial"
ATTACKED = "ch01/log_sum_exp"
HEALTHY = "ch00/fp32_max"
EARLIER = "ch00/machine_epsilon"

# family -> words the attack kata's failure must contain (besides not passing)
EXPECT = {
    "lying_objects": "numkata reads back plain values only",
    "introspection": "returned",
    "monkeypatching": "FAILED katas/ch01/log_sum_exp.py",
    "fd_forgery": "was stopped",
    "store_and_tree_writes": "returned",
    "limit_raising": "MemoryError",
    "grandchildren": "timed out after",
    "signals": "returned",
    "malformed_messages": "over the",
    "terminal_escapes": "boom",
}
NEEDS_LANDLOCK = {"store_and_tree_writes", "introspection", "signals"}
DEFENDED: list[str] = []


def _run(tree: Path, mark: str, *paths: str, **extra_env: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env["NUMKATA_TEST_MARK"] = mark
    env.update(extra_env)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--numkata-unlock-all",
         f"--numkata-home={tree / 'home'}", "--numkata-timeout=1", "-q", *paths],
        cwd=tree, capture_output=True, text=True, timeout=300, env=env)


def _processes_marked(mark: str) -> list[int]:
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            environ = Path(f"/proc/{name}/environ").read_bytes()
        except OSError:
            continue
        if f"NUMKATA_TEST_MARK={mark}".encode() in environ:
            found.append(int(name))
    return found


def _snapshot(tree: Path) -> dict[str, str]:
    out = {}
    for path in sorted((tree / "katas").rglob("*")):
        if path.is_file():
            out[str(path.relative_to(tree))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def _tree(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    for kata in (HEALTHY, EARLIER):
        path = tmp_path / "katas" / f"{kata}.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text((ROOT / "reference" / f"{kata}.py").read_text())
    (tmp_path / "home").mkdir()
    return tmp_path


@pytest.fixture(scope="module")
def earlier_home(tmp_path_factory) -> Path:
    """The home of a tree after an earlier run that recorded ``EARLIER`` as mastered (one run,
    its progress store copied into each attack's tree)."""
    tree = _tree(tmp_path_factory.mktemp("earlier"))
    mark = uuid.uuid4().hex
    earlier = _run(tree, mark, f"katas/{EARLIER}.py")
    assert earlier.returncode == 0, earlier.stdout
    with ProgressStore(tree / "home") as store:
        assert store.states()[EARLIER].mastered
    assert _processes_marked(mark) == []
    return tree / "home"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux sandbox")
@pytest.mark.parametrize("family", sorted(EXPECT))
def test_an_attack_fails_closed(tmp_path, family, earlier_home):
    if family in NEEDS_LANDLOCK and landlock_abi() < 6:
        pytest.skip("this defence needs Landlock ABI 6 (file system and signal scoping)")
    tree = _tree(tmp_path)
    shutil.copytree(earlier_home, tree / "home", dirs_exist_ok=True)
    mark = uuid.uuid4().hex
    attack = (ATTACKS / f"{family}.py").read_text()
    attack = attack.replace("{tree}", str(tree)).replace("{home}", str(tree / "home"))
    target = tree / "katas" / f"{ATTACKED}.py"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(attack)
    before = _snapshot(tree)

    result = _run(tree, mark, f"katas/{HEALTHY}.py", f"katas/{ATTACKED}.py")
    out = result.stdout + result.stderr

    assert result.returncode == 1, out
    assert "INTERNALERROR" not in out and "Traceback" not in result.stderr, out
    assert "\x1b" not in out, "escape sequences must not reach the terminal"
    assert EXPECT[family] in out, out
    assert _snapshot(tree) == before, "the kata tree must not change"
    db = sqlite3.connect(tree / "home" / "progress.sqlite3")
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    db.close()
    with ProgressStore(tree / "home") as store:
        states = store.states()
    assert states[HEALTHY].last_outcome == "passed"
    assert states[ATTACKED].last_outcome == "failed"
    assert states[EARLIER].mastered, "earlier progress must survive"
    assert sum(1 for s in states.values() if s.mastered) == 2
    deadline = time.monotonic() + 5
    while _processes_marked(mark) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _processes_marked(mark) == [], "no process of the run may outlive it"
    DEFENDED.append(family)


def test_the_control_passes(tmp_path):
    tree = _tree(tmp_path)
    target = tree / "katas" / f"{ATTACKED}.py"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text((ATTACKS / "control_scipy.py").read_text())
    result = _run(tree, uuid.uuid4().hex, f"katas/{ATTACKED}.py")
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("kind", ["huge", "nested", "null_bytes"])
def test_a_file_no_parser_should_see_fails_as_unreadable_quickly(tmp_path, kind):
    tree = _tree(tmp_path)
    target = tree / "katas" / f"{ATTACKED}.py"
    target.parent.mkdir(parents=True, exist_ok=True)
    body = {"huge": "# padding\n" * 200_000 + "def log_sum_exp(x):\n    return 0.0\n",
            "nested": "X = " + "1+" * 200_000 + "1\ndef log_sum_exp(x):\n    return 0.0\n",
            "null_bytes": "def log_sum_exp(x):\n    return 0.0\n\x00\n"}[kind]
    target.write_text(body)
    started = time.monotonic()
    result = _run(tree, uuid.uuid4().hex, f"katas/{HEALTHY}.py", f"katas/{ATTACKED}.py")
    elapsed = time.monotonic() - started
    out = result.stdout
    assert result.returncode == 1 and "INTERNALERROR" not in out, out
    assert "1 passed" in out, out
    assert elapsed < 60
    with ProgressStore(tree / "home") as store:
        assert store.states()[HEALTHY].last_outcome == "passed"


def test_planted_conftest_and_test_files_are_never_imported(tmp_path):
    tree = _tree(tmp_path)
    marker = tree / "imported.txt"
    plant = f"open({str(marker)!r}, 'a').write(__file__ + '\\n')\n"
    (tree / "katas" / "conftest.py").write_text(plant)
    (tree / "katas" / "ch00" / "conftest.py").write_text(plant)
    (tree / "katas" / "ch00" / "__init__.py").write_text(plant)
    (tree / "katas" / "ch00" / "test_extra.py").write_text(plant + "def test_ok():\n    pass\n")
    (tree / "katas" / "other").mkdir()
    (tree / "katas" / "other" / "test_more.py").write_text(plant + "def test_ok():\n    pass\n")
    result = _run(tree, uuid.uuid4().hex, "katas")
    assert not marker.exists(), marker.read_text()
    out = result.stdout
    assert "ignored (not kata files, never imported):" in out
    for name in ("katas/conftest.py", "katas/ch00/conftest.py", "katas/ch00/test_extra.py",
                 "katas/ch00/__init__.py"):
        assert name in out, out
    assert "test_ok" not in out


@pytest.mark.parametrize("source, words", [
    ("import numpy as np\nfrom scipy.special import logsumexp\n\n"
     "def log_sum_exp(x):\n    return float(logsumexp(np.asarray(x, dtype=float)))\n", None),
    ("def log_sum_exp(x):\n    while True:\n        pass\n", "timed out after"),
    ("import os\n\ndef log_sum_exp(x):\n    os._exit(3)\n", "exited with status 3"),
])
def test_a_learner_process_started_without_the_zygote_grades_the_same(tmp_path, source, words):
    """Where there is no fork (Windows) the learner process is spawned from a clean
    interpreter and speaks over its stdin/stdout: the same verdicts, the same messages."""
    tree = _tree(tmp_path)
    target = tree / "katas" / f"{ATTACKED}.py"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(source)
    result = _run(tree, uuid.uuid4().hex, f"katas/{HEALTHY}.py", f"katas/{ATTACKED}.py",
                  NUMKATA_LEARNER_START="spawn")
    out = result.stdout
    assert "INTERNALERROR" not in out
    assert result.returncode == (0 if words is None else 1), out
    if words:
        assert words in out, out
    with ProgressStore(tree / "home") as store:
        assert store.states()[HEALTHY].last_outcome == "passed"


def test_print_the_tally():
    # runs last in this module: how many attack families were defended in this run
    print(f"\nadversarial: {len(DEFENDED)} of {len(EXPECT)} attack families failed closed")


def test_judge_processes_get_their_learners_from_the_warm_zygote(tmp_path):
    """A learner forked from the zygote starts in milliseconds; a spawned one pays a fresh
    interpreter (0.2 s a kata). Forked judge processes must reach the zygote."""
    tree = _tree(tmp_path)
    target = tree / "katas" / f"{ATTACKED}.py"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("import os\n\ndef log_sum_exp(x):\n"
                      "    parent = open(f'/proc/{os.getppid()}/cmdline', 'rb').read()\n"
                      "    print('PARENT', parent.replace(b'\\0', b' ').decode())\n"
                      "    return 0.0\n")
    result = _run(tree, uuid.uuid4().hex, "-rA", f"katas/{ATTACKED}.py")
    parents = {line for line in result.stdout.splitlines() if line.startswith("PARENT")}
    assert parents and all("learner_main.py zygote" in line for line in parents), parents
