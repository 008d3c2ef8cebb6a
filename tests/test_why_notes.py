"""The "why it works / where this bites in ML" notes (pytest_numkata/why/chNN.toml).

One note per catalogue kata and none for anything else; each is one paragraph of 50-130
words; no text mentions material a learner does not have; and the TOML files ship as package
data, readable through importlib.resources from a built (even zipped) package.
"""

from __future__ import annotations

import fnmatch
import re
import shutil
import subprocess
import sys
import textwrap
import zipfile
from importlib import resources
from pathlib import Path

import pytest

from pytest_numkata import why
from pytest_numkata.packs import catalogue

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
WHY_DIR = ROOT / "pytest_numkata" / "why"
CATALOGUE = catalogue.load()
KATA_IDS = [k.id for k in CATALOGUE.katas]
MIN_WORDS, MAX_WORDS = 50, 130
FORBIDDEN = ("workbook", "worked solution", "worked-solution")


def raw_notes() -> dict[str, str]:
    """Every note exactly as written in the TOML files, by kata id."""
    notes = {}
    for path in sorted(WHY_DIR.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for name, table in data.items():
            notes[f"{path.stem}/{name}"] = table["why"]
    return notes


RAW = raw_notes()


@pytest.mark.parametrize("kata_id", KATA_IDS)
def test_every_catalogue_kata_has_a_note(kata_id):
    text = why.note(kata_id)
    assert isinstance(text, str) and text.strip(), f"{kata_id} has no note"


def test_the_notes_files_hold_only_catalogue_chapters_and_katas():
    chapters = {ch.id for ch in CATALOGUE.chapters}
    files = {p.stem for p in WHY_DIR.glob("*.toml")}
    assert files <= chapters, f"notes for unknown chapters: {sorted(files - chapters)}"
    for path in sorted(WHY_DIR.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for name, table in data.items():
            assert f"{path.stem}/{name}" in CATALOGUE.by_id, f"{path.name}: [{name}] is no kata"
            assert isinstance(table, dict) and set(table) == {"why"}, f"{path.name}: [{name}]"
            assert isinstance(table["why"], str)
    assert sorted(RAW) == sorted(KATA_IDS)


@pytest.mark.parametrize(
    "kata_id",
    ["ch01/no_such_kata", "ch99/log_sum_exp", "ch01", "log_sum_exp", "", "ch01/",
     "ch01/log_sum_exp/x", "../catalogue/ch00", "ch1/log_sum_exp", "CH01/LOG_SUM_EXP"],
)
def test_no_note_for_an_id_outside_the_catalogue(kata_id):
    assert why.note(kata_id) is None


def test_note_returns_the_text_as_one_line():
    text = why.note("ch01/log_sum_exp")
    assert "\n" not in text and "  " not in text
    assert text.split() == RAW["ch01/log_sum_exp"].split()


@pytest.mark.parametrize("kata_id", KATA_IDS)
def test_word_count_is_within_bounds(kata_id):
    words = len(RAW[kata_id].split())
    assert MIN_WORDS <= words <= MAX_WORDS, f"{kata_id}: {words} words"


@pytest.mark.parametrize("kata_id", KATA_IDS)
def test_one_paragraph(kata_id):
    text = RAW[kata_id].strip()
    assert not re.search(r"\n[ \t]*\n", text), f"{kata_id}: a blank line splits the note"
    assert not text.lstrip().startswith(("-", "*", "#")), f"{kata_id}: a list or heading"


@pytest.mark.parametrize("kata_id", KATA_IDS)
def test_no_forbidden_words(kata_id):
    lowered = RAW[kata_id].lower()
    for word in FORBIDDEN:
        assert word not in lowered, f"{kata_id} mentions {word!r}"


def test_package_data_lists_the_notes():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["pytest_numkata"]
    for path in sorted(WHY_DIR.glob("*.toml")):
        rel = path.relative_to(ROOT / "pytest_numkata").as_posix()
        assert any(fnmatch.fnmatch(rel, p) for p in patterns), f"{rel} is not package data"


def test_notes_are_found_through_importlib_resources():
    found = {
        entry.name
        for entry in resources.files("pytest_numkata.why").iterdir()
        if entry.name.endswith(".toml")
    }
    assert found == {f"{ch.id}.toml" for ch in CATALOGUE.chapters}


def test_loading_a_note_imports_nothing_heavy():
    code = textwrap.dedent(
        """
        import sys
        from pytest_numkata import why
        assert why.note("ch01/log_sum_exp")
        heavy = {"numpy", "scipy", "pytest", "hypothesis", "mpmath", "jinja2"} & set(sys.modules)
        assert not heavy, heavy
        """
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_notes_load_from_a_built_and_zipped_package(tmp_path):
    """setuptools' build_py (what a wheel is made from) copies the notes; a zip of the result
    serves every note through importlib.resources, without any file system path."""
    pytest.importorskip("setuptools")
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(ROOT / "pyproject.toml", src)
    shutil.copy(ROOT / "README.md", src)
    shutil.copytree(
        ROOT / "pytest_numkata", src / "pytest_numkata",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
    )
    build = tmp_path / "build"
    subprocess.run(
        [sys.executable, "-c", "import setuptools; setuptools.setup()", "-q",
         "build_py", "--build-lib", str(build)],
        cwd=src, check=True, capture_output=True,
    )
    shipped = sorted(p.name for p in (build / "pytest_numkata" / "why").glob("*.toml"))
    assert shipped == sorted(p.name for p in WHY_DIR.glob("*.toml"))

    archive = tmp_path / "numkata.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in sorted(build.rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(build).as_posix())
    code = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(archive)!r})
        from pytest_numkata import why
        assert why.__file__.startswith({str(archive)!r}), why.__file__
        ids = {KATA_IDS!r}
        missing = [k for k in ids if not why.note(k)]
        assert not missing, missing
        assert why.note("ch99/log_sum_exp") is None and why.note("ch01/nope") is None
        print(len(ids))
        """
    )
    out = subprocess.run(
        [sys.executable, "-I", "-c", code], cwd=tmp_path, check=True,
        capture_output=True, text=True,
    )
    assert out.stdout.strip() == str(len(KATA_IDS))
