"""A small example of each kind of kata pack, built in a directory for tests/test_packs.py.

``build_site(root)`` writes a folder to put on ``PYTHONPATH`` holding three installed packs -
each a Python package beside a ``.dist-info`` whose ``entry_points.txt`` declares it in the
``numkata.packs`` group, which is all importlib.metadata needs:

- ``example`` (chapters ch20 and ch21: plain ids, no clash): a Build and a Derive kata in ch20,
  one Derive kata in ch21; scaffolded by ``numkata new``'s templates, then filled in;
- ``clash`` (chapter ch00, taken by numkata's own): ids ``clash:ch00/...``, files
  ``katas/clash/ch00/...``;
- ``fresh`` (chapter ch20, taken by ``example``): a Build kata just scaffolded, not filled in.

``build_twin(root)`` writes a fourth, for a test to add to ``PYTHONPATH`` beside the others:

- ``twin`` (chapter ch20, taken by ``example``): ``example``'s Build kata ch20/double, filled
  in the same way (a mutant naming its mistake, an alternative), under the ids
  ``twin:ch20/...`` and files ``katas/twin/ch20/...``.
"""

from __future__ import annotations

import re
from pathlib import Path

from pytest_numkata.authoring.scaffold import Layout, NewKata, scaffold

PACK_INIT = '''"""The {name} kata pack (a test fixture of numkata's)."""

from pathlib import Path

from pytest_numkata.packs import Pack


def pack():
    return Pack.at(Path(__file__).parent, "{name}", "{title}")
'''

DOUBLE_STUB = '''"""ch20/double - twice a number (Build).

Contract
--------
double(x) -> float
    `x` is a finite float; returns 2 * x exactly.

Stuck? `numkata hint ch20/double` shows one hint at a time.
"""


def double(x):
    raise NotImplementedError
'''

DOUBLE_REFERENCE = '''"""ch20/double - solved."""


def double(x):
    return 2.0 * x
'''

DOUBLE_CHECKS = '''"""Hidden checks for ch20/double."""

from pytest_numkata.checking import call, expect_close

EXAMPLE_ARGUMENTS = (1.5,)
EXAMPLE_EXPECTED = 3.0


def matches_the_worked_example(kata):
    expect_close(call(kata.double, *EXAMPLE_ARGUMENTS), EXAMPLE_EXPECTED, rtol=1e-12,
                 mistakes={"that is x squared, not 2 * x": 2.25})


def doubles_negative_numbers(kata):
    for x in (-1.0, -0.25, -1e300):
        expect_close(call(kata.double, x), x + x, rtol=0.0)
'''

DOUBLE_MUTANTS = '''"""Known-wrong solutions of ch20/double."""


def squares(x):
    return x * x


squares.expect = "that is x squared, not 2 * x"
'''

DOUBLE_ALTERNATIVES = '''"""Other correct solutions of ch20/double."""


def adds_it_to_itself(x):
    return x + x
'''


def _answer_checks(kata_id: str, expected: str, mistake: str = "10.0") -> str:
    return f'''"""Hidden checks for {kata_id}."""

from pytest_numkata.checking import answer, expect_answer_close


def matches_the_expected_answer(kata):
    expect_answer_close(answer(kata), {expected}, rtol=1e-12,
                        mistakes={{"that is the number in the question": {mistake}}})
'''


def _fill_hints(toml: Path) -> None:
    text = toml.read_text()
    toml.write_text(re.sub(r'hints = \[\n  "",\n  "",\n\]',
                           'hints = [\n  "look at the contract",\n  "one line does it",\n]',
                           text))


def _dist_info(site: Path, package: str, name: str) -> None:
    info = site / f"{package}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {package}\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(f"[numkata.packs]\n{name} = {package}:pack\n")


def _pack(site: Path, package: str, name: str, title: str) -> Layout:
    root = site / package
    root.mkdir()
    (root / "__init__.py").write_text(PACK_INIT.format(name=name, title=title))
    _dist_info(site, package, name)
    return Layout.at(root)


def _double(layout: Layout) -> None:
    """ch20/double, scaffolded and then filled in."""
    scaffold(layout, NewKata("ch20/double", "Build", "Twice a number", "easy",
                             chapter_title="Doubling"))
    for tree, text in ((layout.stubs, DOUBLE_STUB), (layout.reference, DOUBLE_REFERENCE),
                       (layout.checks_dir, DOUBLE_CHECKS), (layout.mutants, DOUBLE_MUTANTS),
                       (layout.alternatives, DOUBLE_ALTERNATIVES)):
        (tree / "ch20" / "double.py").write_text(text)


def build_site(site: Path) -> Path:
    site.mkdir(parents=True, exist_ok=True)
    example = _pack(site, "example_pack", "example", "An example pack")
    _double(example)
    scaffold(example, NewKata("ch20/half_of_ten", "Derive", "Half of ten", "easy"))
    scaffold(example, NewKata("ch21/third_of_nine", "Derive", "A third of nine", "easy",
                              chapter_title="Thirds"))
    (example.reference / "ch20" / "half_of_ten.py").write_text("ANSWER = 10 / 2\n")
    (example.checks_dir / "ch20" / "half_of_ten.py").write_text(
        _answer_checks("ch20/half_of_ten", "5.0"))
    (example.alternatives / "ch20" / "half_of_ten.py").write_text("ANSWERS = [5, 5.0]\n")
    (example.reference / "ch21" / "third_of_nine.py").write_text("ANSWER = 3\n")
    (example.checks_dir / "ch21" / "third_of_nine.py").write_text(
        _answer_checks("ch21/third_of_nine", "3.0", "9.0"))
    (example.alternatives / "ch21" / "third_of_nine.py").write_text("ANSWERS = [3.0]\n")
    for toml in example.catalogue_dir.glob("*.toml"):
        _fill_hints(toml)

    clash = _pack(site, "clash_pack", "clash", "A pack whose chapter id is taken")
    scaffold(clash, NewKata("ch00/ten", "Derive", "Ten", "easy", chapter_title="Numbers"))
    (clash.reference / "ch00" / "ten.py").write_text("ANSWER = 10\n")
    (clash.checks_dir / "ch00" / "ten.py").write_text(_answer_checks("ch00/ten", "10.0", "1.0"))
    (clash.alternatives / "ch00" / "ten.py").write_text("ANSWERS = [10.0]\n")
    _fill_hints(clash.catalogue_dir / "ch00.toml")

    fresh = _pack(site, "fresh_pack", "fresh", "A pack just scaffolded")
    scaffold(fresh, NewKata("ch20/triple", "Build", "Three times a number", "easy"))
    return site


def build_twin(site: Path) -> Path:
    site.mkdir(parents=True, exist_ok=True)
    twin = _pack(site, "twin_pack", "twin", "A pack whose Build kata's chapter id is taken")
    _double(twin)
    _fill_hints(twin.catalogue_dir / "ch20.toml")
    return site
