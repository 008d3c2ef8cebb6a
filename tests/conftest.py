"""Shared fixtures for numkata's own tests: throwaway kata trees graded with pytester."""

from __future__ import annotations

import functools
import os
import shutil
import textwrap
from pathlib import Path

import pytest

from pytest_numkata.packs import catalogue

pytest_plugins = ["pytester"]

# The project's own runs never hand themselves over to a learner's resident warm server
# (warm_start/resident.py), nor leave one behind; tests/test_resident.py turns it on itself.
os.environ["NUMKATA_WARM"] = "off"


def _preload_checks() -> None:
    """Import every hidden checks module (and so SciPy, mpmath, ml_dtypes, hypothesis) once.

    pytester's in-process runs forget the modules a run imported; a C extension such as
    numpy.fft cannot be loaded twice in one process, so SciPy must be imported before them."""
    import importlib

    for kata in catalogue.load().katas:
        importlib.import_module(kata.checks_module)
    for name in ("scipy.stats", "scipy.optimize", "scipy.integrate", "scipy.linalg"):  # lazily
        importlib.import_module(name)


_preload_checks()

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = Path(__file__).resolve().parent / "mutants"
ALTERNATIVES = Path(__file__).resolve().parent / "alternatives"

PYPROJECT = """\
[tool.pytest.ini_options]
numkata_katas = "katas"
numkata_reference = "reference"
# in-process pytester runs re-import an already imported plugin; that warning is an artefact
filterwarnings = ["ignore::pytest.PytestAssertRewriteWarning"]
"""


@functools.lru_cache(maxsize=1)
def committed_trees() -> dict[str, dict[str, str]]:
    """``{"katas": {id: text}, "reference": {id: text}}`` as committed (git HEAD), so that the
    project's tests compare against the pristine stubs even in a clone where a learner has
    been solving katas; outside a git checkout, the working tree."""
    from pytest_numkata.packs import bundle
    from pytest_numkata.packs.builtin import committed_tree

    trees = {tree: committed_tree(ROOT, tree) for tree in bundle.TREES}
    if not trees["katas"]:  # not a git checkout
        return {tree: bundle.read_tree(ROOT / tree) for tree in bundle.TREES}
    return trees


def pristine_stub(kata_id: str) -> str:
    """The committed stub of ``kata_id`` (never a learner's working copy)."""
    return committed_trees()["katas"][kata_id]


def committed_reference(kata_id: str) -> str:
    """The committed reference solution of ``kata_id``."""
    return committed_trees()["reference"][kata_id]


class KataTree:
    """A kata tree in pytester's temporary directory."""

    def __init__(self, pytester: pytest.Pytester):
        self.pytester = pytester
        self.path = pytester.path
        (self.path / "pyproject.toml").write_text(PYPROJECT)
        self.home = self.path / "home"
        self.home.mkdir()

    def copy_tree(self, which: str = "katas", chapters: list[str] | None = None,
                  into: str | None = None) -> None:
        """Copy the project's ``katas`` or ``reference`` tree (or some chapters of it); stubs
        are the committed ones (a learner's edits in this clone are not test data)."""
        source = ROOT / which
        target = self.path / (into or which)
        if which == "katas":
            for kata_id, text in committed_trees()["katas"].items():
                if chapters is None or kata_id.split("/")[0] in chapters:
                    path = target / f"{kata_id}.py"
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_text(text, encoding="utf-8")
            return
        for chapter in sorted(p.name for p in source.iterdir() if p.is_dir()):
            if chapters is None or chapter in chapters:
                shutil.copytree(source / chapter, target / chapter, dirs_exist_ok=True)

    def write(self, kata_id: str, source: str, tree: str = "katas") -> Path:
        path = self.path / tree / f"{kata_id}.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source))
        return path

    def run(self, *args: str) -> pytest.RunResult:
        return self.pytester.runpytest("-p", "no:cacheprovider", f"--numkata-home={self.home}",
                                       "-W", "ignore::pytest.PytestAssertRewriteWarning", *args)


def outcomes(result: pytest.RunResult) -> dict[str, int]:
    """The counts on pytest's last line, including numkata's two-word "not attempted"."""
    import re

    for line in reversed(result.outlines):
        if re.match(r"^=+ .* in [0-9.]+s", line) or re.match(r"^[0-9]+ \w.* in [0-9.]+s", line):
            found = re.findall(r"([0-9]+) ([a-z]+(?: attempted)?)", line)
            return {name if name != "error" else "errors": int(n) for n, name in found}
    return {}


# The order files are handed to xdist's workers (`-n 2 --dist loadfile`: a file is one unit of
# work, and a worker takes the next file when it has two tests or fewer left). The suite keeps
# both CPUs busy only if a file that mostly waits (for a time limit, an idle server, a watched
# file) runs beside one that grades on both CPUs (the gauntlet's, the Dask cluster's), and if
# the long files start early and short ones fill the end. Measured walls on 2 CPUs, same day:
# 169-188 s in xdist's own order (by test count, which put the cluster's 3 tests last, alone),
# 173 s with the slowest files first, 163-168 s in this order. Files not named follow in
# collection order.
FILE_ORDER = (
    "test_mutants.py",  # grades on both CPUs for ~25 s; meanwhile, on the other worker:
    "test_grade_limits.py",  # waits out a submission's 10 s limit
    "test_grade_warm.py",  # waits out a forked run's limit
    "test_alternatives.py",  # both CPUs; meanwhile:
    "test_warm_start.py",  # timeouts and idle servers
    "test_watch.py",  # waits for saved files to be graded
    "test_grade_cluster.py",  # a scheduler, two workers and their warm servers
    "test_adversarial.py", "test_fail_closed.py", "test_resident.py", "test_benchmarks.py",
    "test_grade.py", "test_cli.py", "test_plugin.py", "test_reproducible.py", "test_packs.py",
    "test_judge_faults.py", "test_report_browser.py", "test_trees.py", "test_dev_check.py",
)


def pytest_configure(config):
    # xdist (3.6+) reorders loadfile/loadscope units by their number of tests unless told
    # not to; FILE_ORDER is the order wanted
    if hasattr(config.option, "loadscopereorder"):
        config.option.loadscopereorder = False


def pytest_collection_modifyitems(items):
    rank = {name: index for index, name in enumerate(FILE_ORDER)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable: files stay whole


def pytest_terminal_summary(terminalreporter):
    """Print the fault-injection tally recorded by tests/test_fail_closed.py."""
    for report in terminalreporter.stats.get("passed", []):
        for name, value in getattr(report, "user_properties", ()):
            if name == "fail_closed_tally":
                terminalreporter.write_line(value)


def solutions_in(directory: Path):
    """(kata id, path, module) for every ``chNN/<name>.py`` under ``directory`` - the shared
    layout of tests/mutants and tests/alternatives - each file loaded by path."""
    import importlib.util

    for path in sorted(directory.glob("ch*/*.py")):
        spec = importlib.util.spec_from_file_location(
            f"{directory.name}_{path.parent.name}_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        yield f"{path.parent.name}/{path.stem}", path, module


def public_functions(module) -> list[str]:
    """The names of the functions a solutions module defines itself (helpers start with _)."""
    from pytest_numkata.authoring.gauntlet import public_functions as functions

    return functions(module)


# ------------------------------------------------------------------ graded once per session
def shared_result(tmp_path_factory: pytest.TempPathFactory, name: str, compute):
    """``compute()`` (a gauntlet Result) once per test session, shared between xdist workers:
    the first worker to ask computes it under a file lock, the others read its JSON."""
    import os

    from pytest_numkata.authoring.gauntlet import Result

    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the workers' base directories sit side by side in the run's own
    path = base / f"gauntlet-{name}.json"
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: every worker grades for itself
        return compute()
    with open(base / f"gauntlet-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if path.exists():
            return Result.from_json(path.read_text(encoding="utf-8"))
        result = compute()
        path.write_text(result.to_json(), encoding="utf-8")
        return result


def builtin_variants(kind: str):
    """The built-in pack's variants of one kind, as the project's tests grade them: stubs as
    committed, references, mutants and alternatives as in this checkout."""
    from pytest_numkata.authoring import gauntlet
    from pytest_numkata.packs import bundle

    cat = catalogue.load()
    if kind == gauntlet.STUB:
        return gauntlet.tree_variants(committed_trees()["katas"], kind)
    if kind == gauntlet.REFERENCE:
        return gauntlet.tree_variants(bundle.read_tree(ROOT / "reference"), kind)
    if kind == gauntlet.MUTANT:
        return gauntlet.mutants_in(MUTANTS, cat)
    return gauntlet.alternatives_in(ALTERNATIVES, cat)


def selected_ids(request: pytest.FixtureRequest, test: str) -> list[str]:
    """The parametrize ids of ``test``'s items this session runs (after -k, -m, node ids)."""
    return [item.callspec.id for item in request.session.items
            if getattr(item, "originalname", None) == test and hasattr(item, "callspec")]


def graded(request, name: str, variants) -> object:
    """``variants`` graded by the real judge, once per session (shared between workers)."""
    import hashlib

    from pytest_numkata.authoring import gauntlet

    keys = sorted(v.key for v in variants)
    digest = hashlib.sha256("\n".join(keys).encode()).hexdigest()[:12]
    factory = request.getfixturevalue("tmp_path_factory")

    def compute():
        # One run at a time: each run grades on both CPUs already (two judge processes), and
        # the other xdist worker has the second one busy; a second run alongside cost 4.5 s
        # more CPU on the mutants for no shorter wall time, even on an idle machine.
        return gauntlet.grade(variants, stubs=committed_trees()["katas"], runs_at_once=1,
                              workdir=factory.mktemp(f"gauntlet-{name}"))

    return shared_result(factory, f"{name}-{digest}", compute)


@pytest.fixture(scope="session")
def graded_mutants(request):
    """The mutants of tests/mutants this session tests, graded by the real judge: all the
    first mutants of every kata in one pytest run, all the second ones in the next, ..."""
    wanted = set(selected_ids(request, "test_mutant_is_rejected"))
    return graded(request, "mutants", [v for v in builtin_variants("mutant") if v.key in wanted])


@pytest.fixture(scope="session")
def graded_alternatives(request):
    """The alternatives of tests/alternatives this session tests, graded in rounds likewise."""
    wanted = set(selected_ids(request, "test_alternative_solution_passes"))
    return graded(request, "alternatives",
                  [v for v in builtin_variants("alternative") if v.key in wanted])


@pytest.fixture(scope="session")
def graded_trees(request):
    """The committed stubs (one run) and the references (one run) of the chapters this
    session tests, graded by the real judge."""
    stubs = set(selected_ids(request, "test_every_untouched_stub_is_not_attempted"))
    references = set(selected_ids(request, "test_every_reference_solution_passes"))
    variants = [v for v in builtin_variants("stub") if v.kata.split("/")[0] in stubs]
    variants += [v for v in builtin_variants("reference") if v.kata.split("/")[0] in references]
    return graded(request, "trees", variants)


@pytest.fixture(scope="session", autouse=True)
def bytecode_cache_for_subprocesses(request, tmp_path_factory):
    """The pytest, numkata and Python processes the tests start cache bytecode, as on a
    learner's machine, even where the caller runs with ``PYTHONDONTWRITEBYTECODE`` set.

    pytest rewrites every module of a distribution with a ``pytest11`` entry point (all of
    hypothesis) for assertions; without a cache each started process redoes that (about 1 s
    of CPU). The cache goes under this session's temporary directory
    (``PYTHONPYCACHEPREFIX``, shared by xdist's workers), so neither the repository nor the
    venv gets new files. A caller's own ``PYTHONPYCACHEPREFIX`` is kept."""
    import os

    if not os.environ.get("PYTHONDONTWRITEBYTECODE") or os.environ.get("PYTHONPYCACHEPREFIX"):
        yield
        return
    base = tmp_path_factory.getbasetemp()
    if hasattr(request.config, "workerinput"):  # xdist: the workers' common parent
        base = base.parent
    prefix = base / "pycache"
    prefix.mkdir(exist_ok=True)
    saved = os.environ.pop("PYTHONDONTWRITEBYTECODE")
    os.environ["PYTHONPYCACHEPREFIX"] = str(prefix)
    try:
        yield
    finally:
        os.environ.pop("PYTHONPYCACHEPREFIX", None)
        os.environ["PYTHONDONTWRITEBYTECODE"] = saved


@pytest.fixture
def kata_tree(pytester: pytest.Pytester) -> KataTree:
    return KataTree(pytester)


def reach_the_server_kata(prefix: str, what: str) -> str:
    """A kata file that, at import, tries to connect to every abstract Unix socket whose name
    starts with ``prefix`` (a warm server's) and fails with "learner tried WHAT: " and what
    each attempt gave ("CONNECTED to ..." or "refused: <error> <errno>")."""
    return f'''\
import socket

def _try():
    names = []
    with open("/proc/net/unix") as table:
        for line in table:
            if "@" + {prefix!r} in line:
                names.append(line.split()[-1])
    if not names:
        return "found no server in /proc/net/unix"
    results = []
    for name in names:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.connect("\\0" + name[1:])
            results.append(f"CONNECTED to {{name}}")
        except OSError as exc:
            results.append(f"refused: {{exc.__class__.__name__}} {{exc.errno}}")
        finally:
            sock.close()
    return "; ".join(results)

raise RuntimeError("learner tried " + {what!r} + ": " + _try())
'''
