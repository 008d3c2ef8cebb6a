"""The gauntlet: many variants of katas graded by the real judge in a few pytest runs.

A *variant* is one text of one kata's file: its stub, its reference, a known-buggy solution
(a mutant, which must be rejected and may have to name its mistake) or another correct solution
(an alternative, which must pass). Grading each variant in a pytest run of its own costs a
pytest start-up, a collection and a learner process per variant; the gauntlet instead grades,
in one run, a kata tree holding one variant of *every* kata: all the first mutants together,
then all the second ones, and so on (a round per position); stubs in one run, references in
one run (``--numkata-use=reference``).

Each run is an ordinary ``pytest`` in a process of its own, in a temporary workspace of its
own (a ``pyproject.toml`` naming the kata tree, ``--numkata-unlock-all``, a fresh
``--numkata-home``): numkata's plugin collects, grades and folds failures exactly as on a
learner's machine, so a variant's verdict here *is* a learner's verdict. Where the system can
fork, each run is a forked child of one warm server (``warm_start.fork_server``, as ``numkata
watch`` runs a learner's katas), which loaded pytest, the checks and the learners' zygote
once: a round then costs its grading, not a second of start-up; elsewhere it is a cold
``python -m`` process, as it is for fewer than ``WARM_FROM_ROUNDS`` rounds (the server's
start, about 3 s of CPU, would cost more than it saves). A small reporting plugin in that
run reads each report as pytest logs it - after the judge's forked
batches have handed it back and after numkata has folded repeated failures - and writes, per
kata, the verdict, the counts pytest's last line would show, and the failure texts a learner
reads.

Mutants and alternatives are kept as today: ``<dir>/chNN/<kata>.py`` with public functions,
each one a solution of the kata's function, written into the kata file as "the file's source,
then ``<function> = <solution>``"; a mutant may carry ``expect``, text its failure must name;
an alternatives file may hold ``ANSWERS``, other correct values of an answer kata's ``ANSWER``.

A variant names its kata by the id a run grades it under, and its text is written where a
learner's file of that kata is: ``katas/chNN/<kata>.py``, or ``katas/<pack>/chNN/<kata>.py``
for a pack whose ids are qualified (``pack:chNN/<kata>``). A pack's own files are named by
the kata's id inside the pack (``chNN/<kata>``, ``Kata.local_id``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..judge import schedule
from ..packs.catalogue import relpath_of

STUB = "stub"
REFERENCE = "reference"
MUTANT = "mutant"
ALTERNATIVE = "alternative"

PYPROJECT = """\
[tool.pytest.ini_options]
numkata_katas = "katas"
numkata_reference = "reference"
addopts = "-p no:anyio"
"""

ANSWER_HEADER = "import math\nfrom fractions import Fraction\n\n"
# The fork server's start (about 3 s of CPU) against the second of start-up each round saves.
WARM_FROM_ROUNDS = 4
RUN_TIMEOUT = 1800.0  # seconds for one whole run: a backstop, the judge limits every check


class Source:
    """An answer written as source text, for ``ANSWERS`` in an alternatives file: the gauntlet
    writes ``ANSWER = repr(value)``, and the repr of a Source is its text."""

    def __init__(self, text: str):
        self.text = text

    def __repr__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Variant:
    """One text of one kata's file, and what it is."""

    kata: str  # the kata id a run grades it under, "ch01/log_sum_exp" or "pack:ch00/name"
    kind: str  # STUB, REFERENCE, MUTANT or ALTERNATIVE
    name: str  # "stub", "reference", a solution's function name, "answer0", ...
    source: str  # the whole file
    expect: str | None = None  # a mutant's mistake: text its failure must contain

    @property
    def key(self) -> str:
        """``kata:name``, e.g. ``ch08/spmv:densifies`` (the project's test ids)."""
        return f"{self.kata}:{self.name}"


@dataclass
class Graded:
    """How one variant was graded."""

    verdict: str | None  # an outcomes.Outcome value; None: not every check ran
    counts: dict[str, int]  # pytest's categories for this kata's reports ("passed", "failed", ...)
    failures: dict[str, str]  # check -> the failure text a learner reads (after folding)
    run: int  # index into Result.runs
    seconds: float = 0.0  # the checks' durations, added up

    def text(self) -> str:
        """Every failure text of the kata, in order."""
        return "\n".join(f"{check}: {text}" for check, text in self.failures.items())


@dataclass
class Run:
    """One pytest run of the gauntlet."""

    label: str  # "stubs", "references", "mutants 3", ...
    exit_code: int
    output: str  # what pytest printed (stdout, then stderr)
    seconds: float
    unattributed: list[str] = field(default_factory=list)  # failures of no kata (collection)


@dataclass
class Result:
    """Outcomes by variant key, and the runs that produced them."""

    outcomes: dict[str, Graded] = field(default_factory=dict)
    runs: list[Run] = field(default_factory=list)

    def outcome(self, variant: Variant | str) -> Graded:
        key = variant.key if isinstance(variant, Variant) else variant
        try:
            return self.outcomes[key]
        except KeyError:
            raise KeyError(f"{key} was not graded by the gauntlet") from None

    def run_of(self, variant: Variant | str) -> Run:
        return self.runs[self.outcome(variant).run]

    def to_json(self) -> str:
        return json.dumps({"outcomes": {k: asdict(v) for k, v in self.outcomes.items()},
                           "runs": [asdict(r) for r in self.runs]})

    @classmethod
    def from_json(cls, text: str) -> Result:
        data = json.loads(text)
        return cls(outcomes={k: Graded(**v) for k, v in data["outcomes"].items()},
                   runs=[Run(**r) for r in data["runs"]])


# ---------------------------------------------------------------------- variants from files
def load_solutions(path: Path):
    """Execute a mutants or alternatives file (project code, not a learner's) and return it."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        f"numkata_solutions_{path.parent.parent.name}_{path.parent.name}_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def public_functions(module) -> list[str]:
    """The functions a solutions module defines itself, in order (helpers start with _)."""
    import inspect

    return [name for name, fn in vars(module).items()
            if inspect.isfunction(fn) and not name.startswith("_")
            and fn.__module__ == module.__name__]


def solution_files(directory: Path) -> list[tuple[str, Path]]:
    """(the kata's id inside its pack, path) for every ``chNN/<name>.py`` under ``directory``."""
    if directory is None or not Path(directory).is_dir():
        return []
    return [(f"{p.parent.name}/{p.stem}", p) for p in sorted(Path(directory).glob("ch*/*.py"))]


def solution_source(path: Path, function: str, solution: str) -> str:
    """A kata file holding ``path``'s source with ``function`` bound to its ``solution``
    (copied, not imported: kata code runs confined and cannot read the project's files)."""
    return path.read_text(encoding="utf-8") + f"\n\n{function} = {solution}\n"


def answer_source(value) -> str:
    return f"{ANSWER_HEADER}ANSWER = {value!r}\n"


def mutants_in(directory: Path, catalogue, only: set[str] | None = None) -> list[Variant]:
    """Every mutant under ``directory`` (of the katas ``only`` names, if given; of the
    catalogue's katas), in file and definition order. ``catalogue`` is one pack's, with the
    ids its katas are graded under (see ``_files_of``)."""
    variants = []
    for kata, path in _files_of(directory, catalogue, only):
        module = load_solutions(path)
        for name in public_functions(module):
            variants.append(Variant(kata.id, MUTANT, name,
                                    solution_source(path, kata.function, name),
                                    getattr(getattr(module, name), "expect", None)))
    return variants


def alternatives_in(directory: Path, catalogue,
                    only: set[str] | None = None) -> list[Variant]:
    """Every alternative under ``directory``: its functions, then its ``ANSWERS``."""
    variants = []
    for kata, path in _files_of(directory, catalogue, only):
        module = load_solutions(path)
        for name in public_functions(module):
            variants.append(Variant(kata.id, ALTERNATIVE, name,
                                    solution_source(path, kata.function, name)))
        for index, value in enumerate(getattr(module, "ANSWERS", ())):
            variants.append(Variant(kata.id, ALTERNATIVE, f"answer{index}", answer_source(value)))
    return variants


def _files_of(directory: Path, catalogue, only: set[str] | None):
    """(kata, path) for each solutions file of a kata of ``catalogue``: the files are named by
    the kata's id inside its pack (``chNN/<name>``), which is its id unless the pack's ids are
    qualified (``pack:chNN/<name>``)."""
    katas = {k.local_id: k for k in catalogue.katas}
    katas.update({k.id: k for k in catalogue.katas})  # a plain id is its own kata's first
    return [(katas[local], path) for local, path in solution_files(directory)
            if local in katas and (only is None or katas[local].id in only)]


def tree_variants(tree: dict[str, str], kind: str) -> list[Variant]:
    """One variant per kata of a tree ``{kata id: text}`` (stubs or references)."""
    return [Variant(kata_id, kind, kind, text) for kata_id, text in sorted(tree.items())]


# ---------------------------------------------------------------------- rounds
@dataclass
class Round:
    label: str
    variants: list[Variant]
    stubs: dict[str, str] = field(default_factory=dict)  # katas/ beside a reference run

    @property
    def use_reference(self) -> bool:
        return bool(self.variants) and self.variants[0].kind == REFERENCE


def rounds(variants: Iterable[Variant], stubs: dict[str, str] | None = None) -> list[Round]:
    """Runs that grade ``variants``: each holds at most one variant per kata; a kata's
    variants of one kind go to consecutive rounds of that kind (stubs and references take one
    round each)."""
    by_kind: dict[str, dict[str, list[Variant]]] = {}
    for variant in variants:
        by_kind.setdefault(variant.kind, {}).setdefault(variant.kata, []).append(variant)
    out = []
    for kind in (STUB, REFERENCE, MUTANT, ALTERNATIVE):
        per_kata = by_kind.get(kind, {})
        depth = max((len(v) for v in per_kata.values()), default=0)
        for index in range(depth):
            chosen = [v[index] for v in per_kata.values() if index < len(v)]
            label = {STUB: "stubs", REFERENCE: "references"}.get(kind, f"{kind}s {index + 1}")
            if depth > 1 and kind in (STUB, REFERENCE):
                label += f" {index + 1}"
            out.append(Round(label, chosen, dict(stubs or {}) if kind == REFERENCE else {}))
    return out


# ---------------------------------------------------------------------- grading
def grade(variants: Iterable[Variant], *, stubs: dict[str, str] | None = None,
          workdir: Path | None = None, runs_at_once: int = 1,
          pytest_args: Sequence[str] = (), progress=None) -> Result:
    """Grade every variant with numkata's judge; ``stubs`` (``{kata id: text}``) go into
    ``katas/`` beside the references of a reference run. ``runs_at_once`` pytest runs go
    side by side; ``progress(run)`` is called as each run ends. With ``WARM_FROM_ROUNDS``
    runs or more they are forked from a warm server where the system can, else started
    cold."""
    plan = rounds(variants, stubs)
    owned = workdir is None
    base = Path(tempfile.mkdtemp(prefix="numkata-gauntlet-")) if owned else Path(workdir)
    base.mkdir(parents=True, exist_ok=True)
    result = Result()
    times = _SharedTimes(base)
    server = None
    if len(plan) >= WARM_FROM_ROUNDS:
        from ..warm_start.fork_server import ForkServer

        server = ForkServer(base / "warm", env=_environment())
        if not server.start():
            server = None
    try:
        def one(indexed):
            index, round_ = indexed
            done = run_round(round_, base / f"run-{index:02d}", pytest_args, times, server)
            if progress is not None:
                progress(done[0])
            return index, round_, done

        with ThreadPoolExecutor(max_workers=max(1, runs_at_once)) as pool:
            done = list(pool.map(one, enumerate(plan)))  # in the plan's order
        for index, round_, (run, per_kata) in done:
            result.runs.append(run)
            for variant in round_.variants:
                graded = per_kata.get(variant.kata)
                if graded is None:  # not collected at all: a missing or misnamed file
                    graded = {"verdict": None, "counts": {}, "failures": {}}
                result.outcomes[variant.key] = Graded(run=index, **graded)
    finally:
        if server is not None:
            server.close()
        if owned:
            shutil.rmtree(base, ignore_errors=True)
    return result


class _SharedTimes:
    """The judge times (``judge/schedule.py``) carried from round to round, as from run to
    run in a learner's home: later rounds schedule the longest katas first and let the small
    ones share judge processes, as a learner's second run does."""

    def __init__(self, base: Path):
        self.base = base
        self.lock = threading.Lock()

    def give(self, home: Path) -> None:
        with self.lock:
            schedule.save(home, {}, schedule.load(self.base))

    def take(self, home: Path) -> None:
        with self.lock:
            schedule.save(self.base, schedule.load(self.base), schedule.load(home))


def run_round(round_: Round, workspace: Path, pytest_args: Sequence[str] = (),
              times: _SharedTimes | None = None, server=None):
    """One pytest run over one round's variants in ``workspace``: (Run, {kata: outcome});
    forked from ``server`` (a started ``ForkServer``) if given, else a cold process."""
    if workspace.exists():
        shutil.rmtree(workspace)
    (workspace / "home").mkdir(parents=True)
    if times is not None:
        times.give(workspace / "home")
    (workspace / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    tree = "reference" if round_.use_reference else "katas"
    for variant in round_.variants:
        _write(workspace / tree / relpath_of(variant.kata), variant.source)
    for kata_id, text in round_.stubs.items():
        _write(workspace / "katas" / relpath_of(kata_id), text)
    (workspace / "katas").mkdir(exist_ok=True)
    out = workspace / "outcomes.json"
    args = ["katas", "--numkata-unlock-all", f"--numkata-home={workspace / 'home'}",
            "--numkata-report=-", "-p", "no:cacheprovider", *pytest_args]
    if round_.use_reference:
        args.append("--numkata-use=reference")
    command = ["-m", "pytest_numkata.authoring.gauntlet", str(out), *args]
    started = time.monotonic()
    try:
        if server is not None:
            done = server.run(command, cwd=workspace, env=_environment(), timeout=RUN_TIMEOUT)
        else:
            done = subprocess.run([sys.executable, *command], cwd=workspace, env=_environment(),
                                  capture_output=True, text=True, errors="replace",
                                  timeout=RUN_TIMEOUT)
        code, output = done.returncode, done.stdout + done.stderr
    except subprocess.TimeoutExpired as exc:
        code = -1
        output = f"{_text(exc.stdout)}{_text(exc.stderr)}\nthe run took more than {RUN_TIMEOUT:g} s"
    seconds = time.monotonic() - started
    if times is not None:
        times.take(workspace / "home")
    try:
        data = json.loads(out.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {"katas": {}, "unattributed": [f"the run wrote no outcomes (exit {code})"]}
    run = Run(round_.label, code, output, round(seconds, 2), data.get("unattributed", []))
    return run, data["katas"]


def _text(value) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return value or ""


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _environment() -> dict[str, str]:
    """This process's environment without what would change a run's grading or output
    (pytest's variables, a numkata home or grading seed, an inherited hypothesis directory),
    and with numkata importable from the workspace."""
    import pytest_numkata

    env = {k: v for k, v in os.environ.items()
           if not k.startswith("PYTEST_") and k not in (
               "NUMKATA_HOME", "NUMKATA_SEED", "HYPOTHESIS_STORAGE_DIRECTORY", "PYTHONBREAKPOINT",
               "COLUMNS", "LINES")}
    package_parent = str(Path(pytest_numkata.__file__).resolve().parent.parent)
    paths = [os.path.abspath(p) for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
    if package_parent not in paths:
        paths.append(package_parent)
    env["PYTHONPATH"] = os.pathsep.join(paths)
    env["COLUMNS"] = "120"
    return env


# ---------------------------------------------------------------------- inside the run
class _Reporter:
    """Registered in the gauntlet's pytest run: per kata, the verdict numkata records, pytest's
    counts, and the failure texts as shown (it runs after numkata folded repeated ones)."""

    def __init__(self, out: Path):
        self.out = out
        self.config = None
        self.katas: dict[str, dict] = {}
        self.verdicts = None
        self.unattributed: list[str] = []

    def pytest_configure(self, config) -> None:
        from ..judge.verdicts import Verdicts

        self.config = config
        self.verdicts = Verdicts(lambda nodeid: None)

    def pytest_collectreport(self, report) -> None:
        if report.failed:
            self.unattributed.append(f"{report.nodeid}: {report.longreprtext}"[:4000])

    def pytest_runtest_logreport(self, report) -> None:
        from ..judge.verdicts import KATA_KEY

        kata = dict(report.user_properties or ()).get(KATA_KEY)
        category = self.config.hook.pytest_report_teststatus(report=report,
                                                             config=self.config)[0]
        if kata is None:
            if report.failed:
                self.unattributed.append(f"{report.nodeid}: {report.longreprtext}"[:4000])
            return
        self.verdicts.add_report(report)
        entry = self.katas.setdefault(kata, {"counts": {}, "failures": {}, "seconds": 0.0})
        entry["seconds"] = round(entry["seconds"] + float(report.duration or 0.0), 3)
        if category:
            entry["counts"][category] = entry["counts"].get(category, 0) + 1
        if report.failed:
            check = report.nodeid.split("::", 1)[-1]
            name = check if report.when == "call" else f"{check} ({report.when})"
            entry["failures"][name] = report.longreprtext

    def pytest_sessionfinish(self, session) -> None:
        for kata, entry in self.katas.items():
            tally = self.verdicts.tallies.get(kata)
            entry["verdict"] = tally.verdict() if tally is not None else None
        self.out.write_text(json.dumps({"katas": self.katas, "unattributed": self.unattributed}),
                            encoding="utf-8")


def _main(argv: list[str]) -> int:
    """``python -m pytest_numkata.authoring.gauntlet OUT PYTEST_ARGS...``: pytest as a learner
    runs it, plus the reporter writing OUT."""
    from importlib.metadata import entry_points

    import pytest

    out, args = Path(argv[0]), list(argv[1:])
    if not any(ep.name == "numkata" for ep in entry_points(group="pytest11")):
        args = ["-p", "pytest_numkata.plugin", *args]  # a clone that is not installed
    return int(pytest.main(args, plugins=[_Reporter(out)]))


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
