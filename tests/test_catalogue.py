"""The catalogue, the stub tree, the reference tree, the checks and the mutants agree."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

from pytest_numkata.judge.kata_file import inspect_source
from pytest_numkata.packs import catalogue
from pytest_numkata.progress.outcomes import FileState
from tests.conftest import MUTANTS, ROOT, pristine_stub

CAT = catalogue.load()
KATAS = CAT.katas
IDS = [k.id for k in KATAS]
SPEC = ROOT.parent / "shared" / "KATAS.md"
CHECKS = ROOT / "pytest_numkata" / "checks"


def _tree_ids(tree: Path) -> set[str]:
    return {f"{p.parent.name}/{p.stem}" for p in tree.glob("ch*/*.py") if not p.stem.startswith("_")}


def test_trees_mirror_the_catalogue():
    assert _tree_ids(ROOT / "katas") == set(IDS)
    assert _tree_ids(ROOT / "reference") == set(IDS)
    assert _tree_ids(CHECKS) == set(IDS)


def test_chapter_files_are_in_order():
    numbers = [ch.number for ch in CAT.chapters]
    assert numbers == list(range(len(numbers)))


@pytest.mark.skipif(not SPEC.exists(), reason="the shared kata spec is not beside this checkout")
def test_every_spec_kata_is_in_the_catalogue_in_order():
    spec_ids = re.findall(r"^\| (ch\d\d/[a-z0-9_]+) \|", SPEC.read_text(), flags=re.M)
    shipped_chapters = {k.chapter for k in KATAS}
    spec_ids = [i for i in spec_ids if i[:4] in shipped_chapters]
    assert [i for i in IDS if i in spec_ids] == spec_ids


@pytest.mark.parametrize("kata", KATAS, ids=IDS)
def test_kata_is_complete(kata, tmp_path):
    text = pristine_stub(kata.id)
    stub = tmp_path / f"{kata.name}.py"
    stub.write_text(text, encoding="utf-8")
    ref = ROOT / "reference" / kata.relpath
    doc = ast.get_docstring(ast.parse(text)) or ""
    assert doc.startswith(f"{kata.id} - "), "the stub's docstring starts with its id and title"
    assert f"numkata hint {kata.id}" in doc, "the stub points to its hints"
    assert inspect_source(kata, stub).state is FileState.NOT_ATTEMPTED
    assert inspect_source(kata, ref).state is FileState.ATTEMPTED
    importlib.import_module(kata.checks_module)
    if kata.type in catalogue.CODE_TYPES:
        assert f"def {kata.function}(" in text
        mutants = MUTANTS / kata.chapter / f"{kata.name}.py"
        assert mutants.exists(), f"{kata.id} needs known-buggy solutions in {mutants}"
        count = len(re.findall(r"^def [a-z]", mutants.read_text(), flags=re.M))
        assert count >= 3, f"{kata.id} has {count} mutants, needs at least 3"
    else:
        assert re.search(r"^ANSWER = \.\.\.$", text, flags=re.M)
    if kata.type == "Debug":
        assert catalogue.fingerprint(text) == kata.pristine, (
            f"the Debug stub changed: set pristine = \"{catalogue.fingerprint(text)}\" in the catalogue"
        )
