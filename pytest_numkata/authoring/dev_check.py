"""``numkata dev check``: is a pack of katas sound?

For every kata of the pack (or those selected): its stub, reference and hidden checks exist
(and, for a Build or Debug kata, its mutants), every hint says something; graded by the real
judge (``gauntlet``), the untouched stub is "not attempted", the reference passes, every mutant
is rejected - naming its mistake where it carries ``expect`` - and every alternative passes.

A pack is any object with ``name``, ``catalogue`` (a ``packs.catalogue.Catalogue``, the pack's
own ids), and the directories ``stubs``, ``reference``, ``mutants`` and ``alternatives`` (the last
two may be None): a ``packs.Pack`` (``builtin_pack`` is numkata's own), or a ``SourcePack``.

Its katas are checked under the ids a run grades them under (``run_catalogue``): a pack whose
chapter ids clash with a pack before it has ids ``pack:chNN/<name>``, and the gauntlet writes
its files at ``katas/pack/chNN/<name>.py``; its own trees stay named ``chNN/<name>.py``.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field
from pathlib import Path

from ..packs.catalogue import CODE_TYPES, Catalogue, Kata
from ..progress.outcomes import Outcome
from . import gauntlet
from .gauntlet import MUTANT, REFERENCE, STUB, Graded, Result, Variant


@dataclass(frozen=True)
class SourcePack:
    """A pack given by its directories (no entry point needed)."""

    name: str
    catalogue: Catalogue
    stubs: Path
    reference: Path
    mutants: Path | None
    alternatives: Path | None


def builtin_pack():
    """numkata's own katas (``packs.builtin``): in a clone, with its mutants and alternatives."""
    from ..packs import builtin

    return builtin.pack()


def run_catalogue(pack) -> Catalogue:
    """The pack's catalogue with the ids a run grades its katas under: the pack's own ids, or
    ``pack:chNN/<name>`` where the installed packs' union qualifies them."""
    from .. import packs

    return packs.with_union_ids(pack.catalogue)


# ---------------------------------------------------------------------- verdicts on variants
def stub_problem(outcome: Graded) -> str | None:
    """An untouched stub is reported as "not attempted", once, without a traceback."""
    if outcome.verdict != Outcome.NOT_ATTEMPTED or outcome.counts != {"not attempted": 1}:
        return f"the stub is not \"not attempted\" ({_shown(outcome)})"
    if "Traceback" in outcome.text():
        return "the stub's \"not attempted\" shows a traceback"
    return None


def reference_problem(outcome: Graded) -> str | None:
    if outcome.verdict != Outcome.PASSED or outcome.counts.get("passed", 0) == 0 or any(
            outcome.counts.get(k) for k in ("failed", "error")):
        return f"the reference does not pass ({_shown(outcome)}){_first_failure(outcome)}"
    return None


def mutant_problem(variant: Variant, outcome: Graded) -> str | None:
    if outcome.verdict != Outcome.FAILED or outcome.counts.get("failed", 0) == 0 or \
            "not attempted" in outcome.counts:
        return f"mutant {variant.name} is not rejected ({_shown(outcome)})"
    if variant.expect and variant.expect not in outcome.text():
        return f"mutant {variant.name} is rejected without naming its mistake {variant.expect!r}"
    return None


def alternative_problem(variant: Variant, outcome: Graded) -> str | None:
    if outcome.verdict != Outcome.PASSED or outcome.counts.get("passed", 0) == 0 or any(
            outcome.counts.get(k) for k in ("failed", "error")):
        return (f"alternative {variant.name} does not pass ({_shown(outcome)})"
                f"{_first_failure(outcome)}")
    return None


def _shown(outcome: Graded) -> str:
    counts = ", ".join(f"{n} {k}" for k, n in sorted(outcome.counts.items()))
    return counts or "nothing was graded"


def _first_failure(outcome: Graded) -> str:
    for check, text in outcome.failures.items():
        line = next((x.strip() for x in text.splitlines() if x.strip()), "")
        return f": {check}: {line[:160]}"
    return ""


# ---------------------------------------------------------------------- the check
@dataclass
class KataCheck:
    """One row of the table."""

    kata: str
    stub: str = "-"  # "ok", "FAIL" or "-" (nothing to grade)
    reference: str = "-"
    mutants: list[int] = field(default_factory=lambda: [0, 0])  # rejected as they should, all
    alternatives: list[int] = field(default_factory=lambda: [0, 0])  # passed, all
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class PackCheck:
    pack: str
    katas: list[KataCheck]
    problems: list[str] = field(default_factory=list)  # not of one kata (a run that broke)

    @property
    def ok(self) -> bool:
        return not self.problems and all(k.ok for k in self.katas)


def selected(catalogue: Catalogue, only: list[str] | None = None) -> list[Kata]:
    """The katas named by ``only`` (kata ids or chapter ids; for a qualified pack's also the
    ids inside the pack, ``chNN/<name>`` for ``pack:chNN/<name>``), in catalogue order; all by
    default. An unknown name raises KeyError."""
    if not only:
        return list(catalogue.katas)
    local = {k.local_id: k.id for k in catalogue.katas if k.local_id != k.id}
    local.update({ch.local_id: ch.id for ch in catalogue.chapters if ch.local_id != ch.id})
    wanted: set[str] = set()
    for name in only:
        name = name.strip().rstrip("/").removesuffix(".py")
        if name not in catalogue.chapter_by_id and name not in catalogue.by_id:
            name = local.get(name, name)
        if name in catalogue.chapter_by_id:
            wanted.update(k.id for k in catalogue.chapter(name).katas)
        else:
            wanted.add(catalogue.kata(name).id)
    return [k for k in catalogue.katas if k.id in wanted]


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def variants_of(pack, katas: list[Kata], catalogue: Catalogue | None = None
                ) -> tuple[list[Variant], dict[str, str], dict[str, list[str]]]:
    """(variants to grade, the stubs by kata id, problems found without grading by kata id).
    ``katas`` come from ``catalogue``, the pack's with the ids a run grades them under
    (``run_catalogue(pack)`` by default)."""
    catalogue = run_catalogue(pack) if catalogue is None else catalogue
    ids = {k.id for k in katas}
    problems: dict[str, list[str]] = {k.id: [] for k in katas}
    stubs: dict[str, str] = {}
    variants: list[Variant] = []
    for kata in katas:
        found = problems[kata.id]
        relpath = f"{_local_id(kata)}.py"
        stub = _read(Path(pack.stubs) / relpath)
        reference = _read(Path(pack.reference) / relpath)
        if stub is None:
            found.append(f"no stub {relpath}")
        else:
            stubs[kata.id] = stub
            variants.append(Variant(kata.id, STUB, STUB, stub))
        if reference is None:
            found.append(f"no reference {relpath}")
        else:
            variants.append(Variant(kata.id, REFERENCE, REFERENCE, reference))
        if not _module_exists(kata.checks_module):
            found.append(f"no checks module {kata.checks_module}")
        if kata.type in CODE_TYPES and not _has(pack.mutants, kata):
            found.append(f"no mutants {relpath} (a {kata.type} kata needs known-buggy "
                         f"solutions)")
        for index, hint in enumerate(kata.hints, 1):
            if not str(hint).strip():
                found.append(f"hint {index} is empty")
    known = {k.local_id for k in catalogue.katas}  # the solutions files' names
    for directory, load in ((pack.mutants, gauntlet.mutants_in),
                            (pack.alternatives, gauntlet.alternatives_in)):
        if directory is None:
            continue
        for local_id, path in gauntlet.solution_files(directory):
            if local_id not in known:
                problems.setdefault(local_id, []).append(
                    f"{path} names no kata of the catalogue")
        variants += load(directory, catalogue, ids)
    return variants, stubs, problems


def _module_exists(name: str) -> bool:
    """Whether ``name`` can be imported; a missing parent package is a missing module, too
    (``find_spec`` raises for it instead of answering None)."""
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def _local_id(kata: Kata) -> str:
    """The kata's ``chNN/name`` inside its pack's trees (its id, for numkata's own katas)."""
    return getattr(kata, "local_id", None) or kata.id


def _has(directory: Path | None, kata: Kata) -> bool:
    return directory is not None and (Path(directory) / f"{_local_id(kata)}.py").is_file()


def evaluate(pack_name: str, katas: list[Kata], variants: list[Variant], result: Result,
             problems: dict[str, list[str]] | None = None) -> PackCheck:
    """The table's rows from a gauntlet ``result`` of ``variants``."""
    rows = {k.id: KataCheck(k.id, problems=list((problems or {}).get(k.id, ())))
            for k in katas}
    for variant in variants:
        row = rows[variant.kata]
        outcome = result.outcomes.get(variant.key)
        if outcome is None:
            row.problems.append(f"{variant.kind} {variant.name} was not graded")
            continue
        if variant.kind == STUB:
            problem = stub_problem(outcome)
            row.stub = "FAIL" if problem else "ok"
        elif variant.kind == REFERENCE:
            problem = reference_problem(outcome)
            row.reference = "FAIL" if problem else "ok"
        elif variant.kind == MUTANT:
            problem = mutant_problem(variant, outcome)
            row.mutants[1] += 1
            row.mutants[0] += problem is None
        else:
            problem = alternative_problem(variant, outcome)
            row.alternatives[1] += 1
            row.alternatives[0] += problem is None
        if problem:
            row.problems.append(problem)
    check = PackCheck(pack_name, list(rows.values()))
    for kata_id, found in (problems or {}).items():
        if kata_id not in rows:
            check.problems += found
    for run in result.runs:
        for text in run.unattributed:
            check.problems.append(f"{run.label}: {text.strip().splitlines()[0][:200]}")
        if run.exit_code not in (0, 1):
            check.problems.append(f"{run.label}: pytest exited with status {run.exit_code}: "
                                  f"{_last_line(run.output)}")
    return check


def _last_line(text: str) -> str:
    lines = [x for x in text.strip().splitlines() if x.strip()]
    return lines[-1][:200] if lines else "no output"


def check_pack(pack, only: list[str] | None = None, *, runs_at_once: int = 1,
               progress=None) -> PackCheck:
    """Check ``pack`` (the katas ``only`` names, or all): files, hints, and every variant
    graded by the gauntlet, under the ids a run grades them under."""
    catalogue = run_catalogue(pack)
    katas = selected(catalogue, only)
    variants, stubs, problems = variants_of(pack, katas, catalogue)
    result = gauntlet.grade(variants, stubs=stubs, runs_at_once=runs_at_once, progress=progress)
    return evaluate(pack.name, katas, variants, result, problems)


# ---------------------------------------------------------------------- the table
HEADERS = ("kata", "stub", "reference", "mutants", "alternatives", "problems")


def table(check: PackCheck, style=None) -> str:
    """One line a kata: kata, stub, reference, mutants k/n, alternatives k/n, problems."""
    def paint(text: str, *names: str) -> str:
        return style(text, *names) if style is not None else text

    rows = []
    for row in check.katas:
        mutants = f"{row.mutants[0]}/{row.mutants[1]}" if row.mutants[1] else "-"
        alternatives = (f"{row.alternatives[0]}/{row.alternatives[1]}"
                        if row.alternatives[1] else "-")
        rows.append((row.kata, row.stub, row.reference, mutants, alternatives,
                     "; ".join(row.problems) or "-"))
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(HEADERS[:-1])]
    lines = ["  ".join(h.ljust(w) for h, w in zip(HEADERS, widths + [0])).rstrip()]
    for row, kata in zip(rows, check.katas):
        cells = [c.ljust(w) for c, w in zip(row[:-1], widths)]
        text = "  ".join(cells + [row[-1]]).rstrip()
        lines.append(paint(text, "red") if not kata.ok else text)
    for problem in check.problems:
        lines.append(paint(f"{check.pack}: {problem}", "red"))
    bad = sum(not k.ok for k in check.katas)
    if check.ok:
        lines.append(paint(f"{check.pack}: all {len(check.katas)} katas sound", "green"))
    else:
        lines.append(paint(f"{check.pack}: {bad} of {len(check.katas)} katas have problems"
                           + (f", {len(check.problems)} other problems" if check.problems
                              else ""), "red", "bold"))
    return "\n".join(lines)
