"""A synthetic class for the tests of ``numkata grade``: learners built from reference solutions
(reference/), untouched stubs (katas/) and known mistakes (tests/mutants/, inlined as source
text), plus bad submissions, each with the gradebook it must produce."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

from pytest_numkata.packs import catalogue as catalogue_mod

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = Path(__file__).resolve().parent / "mutants"
CHAPTERS = ("ch00", "ch01")
CAT = catalogue_mod.load()
KATAS = [k.id for k in CAT.katas if k.chapter in CHAPTERS]
M, F, N, X, U, T = "mastered", "failing", "not attempted", "missing", "unreadable", "timed out"


def reference(kata_id: str) -> bytes:
    return (ROOT / "reference" / f"{kata_id}.py").read_bytes()


def stub(kata_id: str) -> bytes:
    from tests.conftest import pristine_stub

    return pristine_stub(kata_id).encode("utf-8")


def mutant(kata_id: str, name: str) -> bytes:
    """A kata file whose function is the mutant ``name``: the mutant module's text, inlined,
    then the kata's function name bound to it."""
    source = (MUTANTS / f"{kata_id}.py").read_text(encoding="utf-8")
    function = CAT.kata(kata_id).function
    return (source + f"\n\n{function} = {name}\n").encode()


def all_reference(chapters=CHAPTERS) -> dict[str, bytes]:
    return {k: reference(k) for k in KATAS if k.split("/")[0] in chapters}


def write_tree(root: Path, files: dict[str, bytes], prefix: str = "katas") -> None:
    for kata_id, data in files.items():
        path = root / prefix / f"{kata_id}.py" if prefix else root / f"{kata_id}.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def expect(overrides: dict[str, str] | None = None, default: str = M) -> dict[str, str]:
    out = {k: default for k in KATAS}
    out.update(overrides or {})
    return out


NAIVE_LSE = mutant("ch01/log_sum_exp", "naive")


def build_class(folder: Path) -> tuple[dict[str, dict[str, str]], dict[str, str], dict]:
    """Write a class of learners into ``folder``. Returns (expected verdicts per learner,
    expected learner status per learner, facts the tests check further)."""
    folder.mkdir(parents=True, exist_ok=True)
    verdicts: dict[str, dict[str, str]] = {}
    status: dict[str, str] = {}

    # 1. a clone: everything solved
    write_tree(folder / "ada", all_reference())
    verdicts["ada"] = expect()
    # 2. a fresh workspace: untouched stubs
    write_tree(folder / "bo", {k: stub(k) for k in KATAS})
    verdicts["bo"] = expect(default=N)
    # 3. a bare kata tree, ch00 only
    write_tree(folder / "cy", all_reference(("ch00",)), prefix="")
    verdicts["cy"] = expect({k: X for k in KATAS if k.startswith("ch01/")})
    # 4. a zip with a wrapping folder
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for k, data in all_reference().items():
            z.writestr(f"di-main/katas/{k}.py", data)
        z.writestr("di-main/README.md", "my repo")
    (folder / "di.zip").write_bytes(buffer.getvalue())
    verdicts["di"] = expect()
    # 5. a tar.gz: ch00 stubs, ch01 solved
    with tarfile.open(folder / "ed.tar.gz", "w:gz") as t:
        for k in KATAS:
            data = stub(k) if k.startswith("ch00/") else reference(k)
            info = tarfile.TarInfo(f"katas/{k}.py")
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))
    verdicts["ed"] = expect({k: N for k in KATAS if k.startswith("ch00/")})
    # 6 and 7. the same naive log_sum_exp (identical files), and a wrong Derive answer
    files = all_reference()
    files["ch01/log_sum_exp"] = NAIVE_LSE
    write_tree(folder / "fay", files)
    verdicts["fay"] = expect({"ch01/log_sum_exp": F})
    files = dict(files)
    files["ch00/machine_epsilon"] = b"ANSWER = 2 ** -24\n"
    write_tree(folder / "gus", files)
    verdicts["gus"] = expect({"ch01/log_sum_exp": F, "ch00/machine_epsilon": F})
    # 8. softmax, variance and decode mistakes
    files = all_reference()
    files["ch01/stable_softmax"] = mutant("ch01/stable_softmax", "naive")
    files["ch01/variance"] = mutant("ch01/variance", "sample_variance")
    files["ch00/decode_float"] = mutant("ch00/decode_float", "implicit_one_in_subnormals")
    write_tree(folder / "hal", files)
    verdicts["hal"] = expect({"ch01/stable_softmax": F, "ch01/variance": F,
                              "ch00/decode_float": F})
    # 9. a syntax error and a file that is not UTF-8
    files = all_reference()
    files["ch01/variance"] = b"def variance(x):\n    return (\n"
    files["ch00/fp32_max"] = b"ANSWER = '\xff\xfe'\n"
    write_tree(folder / "ivy", files)
    verdicts["ivy"] = expect({"ch01/variance": U, "ch00/fp32_max": U})
    # 10. stopped early: ch00 solved, ch01 untouched stubs
    files = all_reference(("ch00",))
    files.update({k: stub(k) for k in KATAS if k.startswith("ch01/")})
    write_tree(folder / "jo", files)
    verdicts["jo"] = expect({k: N for k in KATAS if k.startswith("ch01/")})
    # 11. extras that must be ignored: conftest.py, a package, a store, a symlink, a 2 GB file
    root = folder / "kim"
    files = all_reference()
    del files["ch00/fp32_max"], files["ch00/machine_epsilon"]
    write_tree(root, files)
    (root / "conftest.py").write_text("import pytest\n@pytest.fixture(autouse=True)\n"
                                      "def cheat(): pass\n")
    (root / "pytest_numkata").mkdir()
    (root / "pytest_numkata" / "__init__.py").write_text("raise SystemExit\n")
    (root / ".numkata").mkdir()
    (root / ".numkata" / "progress.sqlite3").write_bytes(b"SQLite format 3\x00")
    (root / "katas" / "conftest.py").write_text("raise SystemExit\n")
    (root / "katas" / "ch00" / "fp32_max.py").symlink_to(ROOT / "reference/ch00/fp32_max.py")
    with open(root / "katas" / "ch00" / "machine_epsilon.py", "wb") as handle:
        handle.truncate(2 * 1024 ** 3)  # sparse: 2 GB that takes no disk
    verdicts["kim"] = expect({"ch00/fp32_max": X, "ch00/machine_epsilon": X})
    # 12. a zip bomb-ish member and a member that climbs out of the tree
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for k, data in all_reference().items():
            if k != "ch00/fp16_65536":
                z.writestr(f"katas/{k}.py", data)
        z.writestr("katas/ch00/fp16_65536.py", b"0" * (64 * 1024 * 1024))
        z.writestr("../../evil.py", b"print('escaped')\n")
    (folder / "lu.zip").write_bytes(buffer.getvalue())
    verdicts["lu"] = expect({"ch00/fp16_65536": X})
    # bad submissions: a corrupt zip, an empty folder, a tree of symlinks
    (folder / "mo.zip").write_bytes(b"PK\x03\x04 this is not really a zip")
    verdicts["mo"] = expect(default=X)
    status["mo"] = "bad submission"
    (folder / "nat").mkdir()
    verdicts["nat"] = expect(default=X)
    status["nat"] = "bad submission"
    for k in KATAS:
        link = folder / "oz" / "katas" / f"{k}.py"
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(ROOT / "reference" / f"{k}.py")
    verdicts["oz"] = expect(default=X)
    status["oz"] = "bad submission"
    # not learners
    (folder / ".DS_Store").write_bytes(b"\0")
    (folder / "notes.txt").write_text("grading notes")
    for name in verdicts:
        status.setdefault(name, "graded")
    facts = {"skipped": {".DS_Store", "notes.txt"},
             "ignored": {"kim": ["conftest.py", "pytest_numkata/__init__.py", ".numkata/",
                                 "katas/conftest.py", "katas/ch00/fp32_max.py",
                                 "katas/ch00/machine_epsilon.py"],
                         "lu": ["katas/ch00/fp16_65536.py", "../../evil.py"],
                         "di": ["README.md"]},
             "identical": {("ch01/log_sum_exp", ("fay", "gus"))},
             "mistakes": {"fay": {"ch01/log_sum_exp"}, "gus": {"ch01/log_sum_exp"},
                          "hal": {"ch01/stable_softmax", "ch01/variance", "ch00/decode_float"}},
             "stopped": {"jo", "cy", "bo", "mo", "nat", "oz"}}
    return verdicts, status, facts


def numkata(*args: str, timeout: float = 900, env: dict | None = None,
            cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pytest_numkata", *args], capture_output=True,
                          text=True, timeout=timeout, env=env, cwd=cwd,
                          stdin=subprocess.DEVNULL)


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(predicate, timeout: float, what: str, interval: float = 0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out waiting for {what}")


def processes_mentioning(text: str) -> list[int]:
    """Live processes whose command line contains ``text`` (Linux /proc)."""
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit() or int(name) == os.getpid():
            continue
        try:
            cmdline = Path(f"/proc/{name}/cmdline").read_bytes().replace(b"\0", b" ")
            state = Path(f"/proc/{name}/stat").read_text().rsplit(")", 1)[-1].split()[0]
        except OSError:
            continue
        if text.encode() in cmdline and state != "Z":
            found.append(int(name))
    return found


def grading_runs_in(folder: Path) -> list[int]:
    """Live learners' grading runs under ``folder`` (their temporary folders' parent), started
    cold or forked from a warm server alike: processes whose working directory is a grading
    workspace there (Linux /proc)."""
    found = []
    prefix = str(Path(folder).resolve()) + os.sep
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            cwd = os.readlink(f"/proc/{name}/cwd")
            state = Path(f"/proc/{name}/stat").read_text().rsplit(")", 1)[-1].split()[0]
        except OSError:
            continue
        if cwd.startswith(prefix) and os.path.basename(cwd) == "work" and state != "Z":
            found.append(int(name))
    return found
