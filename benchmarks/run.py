"""How fast numkata gives feedback: whole-process wall times of the runs a learner makes.

A learner reruns a chapter dozens of times an hour, so the time from Enter to verdict is the
product's performance. This script times whole processes (the median of ``--repeat`` runs after
an untimed warm-up) and prints them beside the targets:

    floor       python importing pytest, numpy, scipy, hypothesis; bare pytest on a trivial file
    imports     python importing NumPy alone, then NumPy and each library the hidden checks,
                the report or a learner's zygote load: a new release that makes one of them
                slow to import shows here (ml_dtypes 0.7.0 took 0.6 s more than 0.6.0); with
                --quick all but SciPy's
    chapters    pytest katas/chNN --numkata-use=reference --numkata-unlock-all, every chapter
    resident    every chapter, then the whole catalogue, again, handed over to a resident warm
                server (pytest_numkata/warm_start/resident.py): a learner's second and later
                runs; with --quick only --chapter's chapter
    catalogue   pytest katas ... (the whole tree): katas side by side (the default), one at a
                a time, and with -n 2 (pytest-xdist)
    collect     pytest --collect-only -q katas --numkata-unlock-all
    overhead    pytest -p no:numkata vs numkata on the same chapter; --numkata-isolation=none
                vs the default fork
    boundary    the judge/learner boundary: a zygote's cold start, a learner's start and load,
                one exchange (scalar, 1,000-float array, a callback, call_many per call) from
                boundary_bench.py; and every chapter with --numkata-isolation=none, so each
                chapter's boundary cost is its default time minus that
    report      write_report for stores of 10^3, 10^4, 10^5 attempts (report_bench's seeder)
    watch       benchmarks/watch_latency.py, when it exists
    warm        warm starts (pytest_numkata/warm_start): the fork server's start, and a chapter
                run (--chapter, default ch01) forked from it beside the same run started cold -
                what the gauntlet's rounds (numkata dev check) and the project's tests pay
    class       numkata grade on N full 77-kata submissions (--class-learners, default 8):
                learners per minute beside a shell loop of `pytest katas --numkata-unlock-all`
                over the same folders; --jobs 2 vs --jobs 1 (scaling) vs --in-process (Dask's
                overhead); --jobs 2 --cold (runs started cold, not forked from the batch's
                warm server); the projected wall time for 500 learners on 8 and 64 cores

Nothing in the repository changes: the kata tree (katas/, reference/, pyproject.toml,
conftest.py) is copied to a temporary directory and every run uses a temporary
``--numkata-home``. Timings on a shared machine are noisy, so the load average is recorded
before and after each group, in the table and in the JSON (default
benchmarks/results/latest.json, git-ignored).

    python benchmarks/run.py [--repeat N] [--quick] [--only floor,chapters,...] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
DEFAULT_JSON = BENCH / "results" / "latest.json"
GROUPS = ("floor", "imports", "chapters", "resident", "catalogue", "collect", "overhead",
          "boundary", "report", "watch", "warm", "class")
CLASS_LEARNERS = 8
PROJECTED_CLASS = 500
PROJECTED_CORES = (8, 64)
DASK_OVERHEAD_MAX = 0.10  # numkata grade --jobs 1 over --in-process
REPORT_SIZES = (1_000, 10_000, 100_000)

# Targets (seconds).
CHAPTER_OVER_FLOOR = 0.7  # a chapter attempt within this of the floor
CATALOGUE_MAX = 5.0  # the whole catalogue
REPORT_MAX = 1.0  # report generation for 10^5 attempts
WATCH_MAX = 0.3  # watch-mode verdict
OVERHEAD_CHAPTER = "ch01"  # the chapter the overhead group compares runs on

IMPORT_FLOOR = "import pytest, numpy, scipy, hypothesis"
TRIVIAL_TEST = "def test_trivial():\n    assert 1 + 1 == 2\n"


def loadavg() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (AttributeError, OSError):
        return None


def pytest_command() -> list[str]:
    """The venv's ``pytest`` script (what a learner types), else ``python -m pytest``."""
    script = Path(sys.executable).with_name("pytest")
    return [str(script)] if script.exists() else [sys.executable, "-m", "pytest"]


def child_env(work: Path, keep_bytecode_env: bool = False) -> dict[str, str]:
    """The environment of every timed process.

    By default bytecode is cached, as on a learner's machine, but under a prefix in the
    temporary directory (``PYTHONPYCACHEPREFIX``) so that neither the repository nor the venv
    gets new files; the warm-up run fills the cache. pytest's assertion rewriter honours the
    prefix too: it rewrites every module of a distribution with a ``pytest11`` entry point -
    all of hypothesis - and without a cache (``PYTHONDONTWRITEBYTECODE=1``) it does that again
    in every run. ``keep_bytecode_env`` keeps the caller's settings instead.
    """
    # a learner's shell: none of pytest's variables (a benchmark run by a test under xdist
    # would otherwise pass on PYTEST_XDIST_WORKER), no numkata home of the caller's
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    for name in ("NUMKATA_HOME", "HYPOTHESIS_STORAGE_DIRECTORY"):
        env.pop(name, None)
    if not keep_bytecode_env:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    # runs start cold unless a group says otherwise (the resident group starts a warm server)
    env["NUMKATA_WARM"] = "off"
    return env


class Bench:
    """Runs commands, keeps results, prints the table."""

    def __init__(self, repeat: int, warmup: int, work: Path, verbose: bool = True,
                 keep_bytecode_env: bool = False):
        self.repeat = repeat
        self.warmup = warmup
        self.work = work
        self.verbose = verbose
        self.results: list[dict] = []
        self.notes: list[str] = []
        self.env = child_env(work, keep_bytecode_env)

    def log(self, text: str) -> None:
        if self.verbose:
            print(text, file=sys.stderr, flush=True)

    def _once(self, cmd: list[str], cwd: Path, timeout: float,
              env: dict | None = None) -> tuple[float, int, str]:
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, cwd=cwd, env=self.env if env is None else env,
                              stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, timeout=timeout)
        return time.perf_counter() - t0, proc.returncode, proc.stdout

    def time_command(self, group: str, name: str, cmd: list[str], cwd: Path, *,
                     ok_codes=(0,), warmup: int | None = None, repeat: int | None = None,
                     timeout: float = 300.0, extra: dict | None = None,
                     env: dict | None = None) -> dict:
        warmup = self.warmup if warmup is None else warmup
        repeat = self.repeat if repeat is None else repeat
        load_before = loadavg()
        times, codes, tail = [], [], ""
        for i in range(warmup + repeat):
            try:
                elapsed, code, out = self._once(cmd, cwd, timeout, env)
            except subprocess.TimeoutExpired:
                elapsed, code, out = float(timeout), -9, f"timed out after {timeout} s"
            if i >= warmup:
                times.append(elapsed)
                codes.append(code)
            tail = "\n".join(out.strip().splitlines()[-3:])
        result = {
            "group": group, "name": name, "command": " ".join(cmd_display(cmd)),
            "runs": [round(t, 4) for t in times],
            "median": round(statistics.median(times), 4) if times else None,
            "min": round(min(times), 4) if times else None,
            "warmup": warmup, "returncodes": codes,
            "ok": all(c in ok_codes for c in codes),
            "loadavg": load_before,
        }
        if not result["ok"]:
            result["output_tail"] = tail
            self.notes.append(f"{name}: unexpected exit status {codes} - {tail[-300:]}")
        if extra:
            result.update(extra)
        self.results.append(result)
        self.log(f"  {name:<34} median {result['median']:.3f} s  runs {result['runs']}"
                 f"  exit {sorted(set(codes))}  load {load_before}")
        return result

    def add(self, result: dict) -> dict:
        self.results.append(result)
        return result

    def find(self, name: str) -> dict | None:
        return next((r for r in self.results if r["name"] == name), None)


def cmd_display(cmd: list[str]) -> list[str]:
    """Commands as a learner would type them (``pytest``, ``python``), not absolute paths."""
    shown = []
    for part in cmd:
        if part == sys.executable:
            shown.append("python")
        elif part.endswith("/pytest") and Path(part).parent == Path(sys.executable).parent:
            shown.append("pytest")
        else:
            shown.append(part)
    return shown


# ---------------------------------------------------------------------------- set-up
def copy_tree(work: Path) -> Path:
    """The kata tree in ``work/tree``: katas, reference, the ini file and root conftest."""
    tree = work / "tree"
    tree.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("katas", "reference"):
        shutil.copytree(ROOT / name, tree / name, ignore=ignore)
    for name in ("pyproject.toml", "conftest.py"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, tree / name)
    return tree


def chapters(tree: Path) -> list[str]:
    return sorted(p.name for p in (tree / "katas").iterdir()
                  if p.is_dir() and re.fullmatch(r"ch\d\d", p.name))


def fresh_home(work: Path, name: str) -> Path:
    home = work / "homes" / name
    home.mkdir(parents=True, exist_ok=True)
    return home


# ---------------------------------------------------------------------------- groups
def run_floor(b: Bench) -> None:
    b.time_command("floor", "python: import pytest numpy scipy hypothesis",
                   [sys.executable, "-c", IMPORT_FLOOR], b.work)
    bare = b.work / "bare"
    bare.mkdir(exist_ok=True)
    (bare / "pytest.ini").write_text("[pytest]\n")  # pins the rootdir here, outside any kata tree
    (bare / "test_trivial.py").write_text(TRIVIAL_TEST)
    b.time_command("floor", "bare pytest, one trivial test", pytest_command() + ["test_trivial.py"],
                   bare)


def imported_libraries(quick: bool) -> list[str]:
    """The libraries beyond NumPy and the standard library that warm servers preload
    (``warm_start.preload.HEAVY``) and a learner's zygote may (``learner_main.PRELOAD``), and
    the report's and the wire's (jinja2, msgpack); with ``quick`` all but SciPy's."""
    from pytest_numkata.sandbox.learner_main import PRELOAD
    from pytest_numkata.warm_start.preload import HEAVY

    names = [name for name in dict.fromkeys((*HEAVY, *PRELOAD, "jinja2", "msgpack"))
             if name.split(".")[0] not in (*sys.stdlib_module_names, "numpy")]
    return [n for n in names if n.split(".")[0] != "scipy"] if quick else names


def run_imports(b: Bench, names: list[str]) -> None:
    """A fresh interpreter importing NumPy, then NumPy and one library more: each library's
    own cost is its row minus the first (which is warmed up even with --quick)."""
    b.time_command("imports", "python: import numpy", [sys.executable, "-c", "import numpy"],
                   b.work, warmup=max(1, b.warmup))
    for name in names:
        b.time_command("imports", f"python: import numpy, {name}",
                       [sys.executable, "-c", f"import numpy, {name}"], b.work)


def floor_seconds(b: Bench) -> float | None:
    """The floor: the slower of the two floor processes (what every graded run pays at least)."""
    found = [r["median"] for r in b.results if r["group"] == "floor" and r["median"] is not None]
    return max(found) if found else None


def reference_args(home: Path) -> list[str]:
    return ["--numkata-use=reference", "--numkata-unlock-all", f"--numkata-home={home}"]


def run_chapters(b: Bench, tree: Path) -> None:
    home = fresh_home(b.work, "chapters")
    for chapter in chapters(tree):
        b.time_command("chapters", f"chapter {chapter}",
                       pytest_command() + [f"katas/{chapter}"] + reference_args(home), tree,
                       extra={"chapter": chapter})


def run_resident(b: Bench, tree: Path, only: list[str] | None = None) -> None:
    """Each chapter again, as a learner's second and later runs go: handed over to the resident
    warm server that a run in a terminal leaves behind (warm_start/resident.py)."""
    from pytest_numkata.warm_start import resident

    env = dict(b.env, NUMKATA_WARM="auto")
    why = resident.unavailable(env)
    if why is not None:
        b.notes.append(f"resident: no warm server here ({why})")
        return
    load_before = loadavg()
    t0 = time.perf_counter()
    if not resident.start(env, wait=True):
        b.notes.append("resident: the warm server did not start")
        return
    start_seconds = time.perf_counter() - t0
    b.add({"group": "resident", "name": "warm server start (in the background)",
           "command": "numkata warm start", "runs": [round(start_seconds, 4)],
           "median": round(start_seconds, 4), "min": round(start_seconds, 4), "ok": True,
           "loadavg": load_before})
    home = fresh_home(b.work, "resident")
    try:
        for chapter in only or chapters(tree):
            before = (resident.ping(env) or {}).get("runs", 0)
            result = b.time_command("resident", f"chapter {chapter}, warm",
                                    pytest_command() + [f"katas/{chapter}"] + reference_args(home),
                                    tree, extra={"chapter": chapter}, env=env)
            _check_handed_over(b, result, env, before, chapter)
        if only:
            return
        before = (resident.ping(env) or {}).get("runs", 0)
        result = b.time_command("resident", "whole catalogue, warm",
                                pytest_command() + ["katas"] + reference_args(home), tree, env=env)
        _check_handed_over(b, result, env, before, "the whole catalogue")
    finally:
        resident.stop(env)


def _check_handed_over(b: Bench, result: dict, env: dict, before: int, what: str) -> None:
    from pytest_numkata.warm_start import resident

    handed = (resident.ping(env) or {}).get("runs", 0) - before
    if handed != b.warmup + b.repeat:
        result["ok"] = False
        b.notes.append(f"resident: {what}: {handed} of {b.warmup + b.repeat} runs were handed "
                       f"over to the warm server")


def run_catalogue(b: Bench, tree: Path, warmed: bool) -> None:
    home = fresh_home(b.work, "catalogue")
    # The chapter runs already imported and compiled every file: they are the warm-up.
    warmup = 0 if warmed else None
    b.time_command("catalogue", "whole catalogue (katas side by side, the default)",
                   pytest_command() + ["katas"] + reference_args(home), tree, warmup=warmup)
    b.time_command("catalogue", "whole catalogue, --numkata-jobs=1 (one kata at a time)",
                   pytest_command() + ["katas", "--numkata-jobs=1"] + reference_args(home), tree,
                   warmup=warmup)
    b.time_command("catalogue", "whole catalogue, -n 2",
                   pytest_command() + ["katas", "-n", "2"] + reference_args(home), tree,
                   warmup=warmup)


def run_collect(b: Bench, tree: Path) -> None:
    home = fresh_home(b.work, "collect")
    # Collecting the learner's stubs: "not attempted" items, no checks executed (exit 0).
    b.time_command("collect", "collect-only, whole tree",
                   pytest_command() + ["--collect-only", "-q", "katas", "--numkata-unlock-all",
                                       f"--numkata-home={home}"], tree)


def run_overhead(b: Bench, tree: Path, chapter: str) -> None:
    home = fresh_home(b.work, "overhead")
    sel = [f"katas/{chapter}"]
    # Without the plugin, pytest walks the chapter and finds no test files: exit 5.
    b.time_command("overhead", f"-p no:numkata, {chapter}",
                   pytest_command() + ["-p", "no:numkata"] + sel, tree, ok_codes=(0, 5))
    b.time_command("overhead", f"numkata collect-only, {chapter}",
                   pytest_command() + ["--collect-only", "-q"] + sel + reference_args(home), tree)
    b.time_command("overhead", f"numkata, isolation=none, {chapter}",
                   pytest_command() + sel + reference_args(home) + ["--numkata-isolation=none"],
                   tree)
    b.time_command("overhead", f"numkata, isolation=process, {chapter}",
                   pytest_command() + sel + reference_args(home), tree)


def run_boundary(b: Bench, tree: Path) -> None:
    load_before = loadavg()
    samples: dict[str, list[float]] = {}
    for i in range(b.warmup + b.repeat):
        proc = subprocess.run([sys.executable, str(BENCH / "boundary_bench.py")], cwd=b.work,
                              env=b.env, capture_output=True, text=True, timeout=300)
        if proc.returncode != 0:
            b.notes.append(f"boundary: worker failed: {proc.stderr.strip()[-300:]}")
            return
        if i < b.warmup:
            continue
        for key, value in json.loads(proc.stdout.strip().splitlines()[-1]).items():
            samples.setdefault(key, []).append(value)
    for key, values in samples.items():
        result = b.add({
            "group": "boundary", "name": f"boundary: {key.replace('_', ' ')}",
            "command": "benchmarks/boundary_bench.py", "median": round(statistics.median(values), 6),
            "min": round(min(values), 6), "runs": [round(v, 6) for v in values],
            "warmup": b.warmup, "ok": True, "loadavg": load_before, "unit": "s"})
        b.log(f"  {result['name']:<34} median {result['median'] * 1e3:.3f} ms")
    for chapter in chapters(tree):
        home = fresh_home(b.work, f"none-{chapter}")
        b.time_command("boundary", f"{chapter}, isolation=none",
                       pytest_command() + [f"katas/{chapter}"] + reference_args(home)
                       + ["--numkata-isolation=none"], tree)


REPORT_WORKER = """\
import json, sys, time
t0 = time.perf_counter()
sys.path.insert(0, {bench!r})
import report_bench
from pytest_numkata.report import write_report
t1 = time.perf_counter()
write_report({home!r}, report_bench.catalogue(), today=report_bench.TODAY)
t2 = time.perf_counter()
write_report({home!r}, report_bench.catalogue(), today=report_bench.TODAY)
t3 = time.perf_counter()
print(json.dumps({{"import": t1 - t0, "first": t2 - t1, "second": t3 - t2}}))
"""


def run_report(b: Bench, sizes=REPORT_SIZES) -> None:
    """write_report in a fresh process (what a run pays: import + first call, jinja included)."""
    sys.path.insert(0, str(BENCH))
    try:
        import report_bench  # the store builder that benchmarks/report_bench.py already uses
    finally:
        sys.path.remove(str(BENCH))
    cat = report_bench.catalogue()
    for size in sizes:
        home = fresh_home(b.work, f"report-{size}")
        t0 = time.perf_counter()
        report_bench.seed(home, cat, size)
        seeded = time.perf_counter() - t0
        code = REPORT_WORKER.format(bench=str(BENCH), home=str(home))
        load_before = loadavg()
        walls, inrun, warm, imports = [], [], [], []
        for i in range(b.warmup + b.repeat):
            t0 = time.perf_counter()
            proc = subprocess.run([sys.executable, "-c", code], cwd=b.work, env=b.env,
                                  capture_output=True, text=True, timeout=300)
            wall = time.perf_counter() - t0
            if proc.returncode != 0:
                b.notes.append(f"report {size}: worker failed: {proc.stderr.strip()[-300:]}")
                break
            if i < b.warmup:
                continue
            data = json.loads(proc.stdout.strip().splitlines()[-1])
            walls.append(wall)
            imports.append(data["import"])
            inrun.append(data["import"] + data["first"])
            warm.append(data["second"])
        if not walls:
            continue
        med = round(statistics.median(inrun), 4)
        result = b.add({
            "group": "report", "name": f"report, {size:,} attempts",
            "command": f"write_report on a seeded store of {size} attempts (fresh process)",
            "attempts": size, "seed_seconds": round(seeded, 3),
            # what a pytest run pays: import of the report package + jinja + the first call
            "median": med, "min": round(min(inrun), 4), "runs": [round(t, 4) for t in inrun],
            "import_median": round(statistics.median(imports), 4),
            "warm_call_median": round(statistics.median(warm), 4),
            "process_wall_median": round(statistics.median(walls), 4),
            "warmup": b.warmup, "ok": True, "loadavg": load_before,
        })
        b.log(f"  {result['name']:<34} median {med:.3f} s (warm call "
              f"{result['warm_call_median']:.3f} s, process {result['process_wall_median']:.3f} s)"
              f"  load {load_before}")


def _find_seconds(data, *, depth: int = 0) -> float | None:
    """A median verdict latency (seconds) somewhere in watch_latency.py's JSON."""
    if depth > 4:
        return None
    if isinstance(data, dict):
        for key, value in data.items():
            k = key.lower()
            if isinstance(value, (int, float)) and "median" in k:
                return value / 1000 if k.endswith("ms") else float(value)
        for value in data.values():
            found = _find_seconds(value, depth=depth + 1)
            if found is not None:
                return found
    if isinstance(data, list):
        for value in data:
            found = _find_seconds(value, depth=depth + 1)
            if found is not None:
                return found
    return None


def run_watch(b: Bench, tree: Path) -> None:
    script = BENCH / "watch_latency.py"
    if not script.exists():
        b.notes.append("watch: benchmarks/watch_latency.py does not exist yet - watch-mode "
                       "verdict latency not measured (skipped)")
        b.add({"group": "watch", "name": "watch verdict latency", "median": None,
               "skipped": "benchmarks/watch_latency.py does not exist", "ok": True,
               "loadavg": loadavg()})
        b.log("  watch: skipped (benchmarks/watch_latency.py does not exist)")
        return
    help_text = subprocess.run([sys.executable, str(script), "--help"], cwd=ROOT, env=b.env,
                               capture_output=True, text=True, timeout=60).stdout
    out_json = b.work / "watch_latency.json"
    cmd = [sys.executable, str(script)]
    if "--json" in help_text:
        cmd += ["--json", str(out_json)]
    env = dict(b.env, NUMKATA_HOME=str(fresh_home(b.work, "watch")))
    load_before = loadavg()
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=240)
        output, code = proc.stdout + proc.stderr, proc.returncode
    except subprocess.TimeoutExpired:
        output, code = "timed out after 240 s", -9
    wall = time.perf_counter() - t0
    data = None
    if out_json.exists():
        try:
            data = json.loads(out_json.read_text())
        except ValueError:
            data = None
    median = _find_seconds(data) if data is not None else None
    if median is None:
        m = re.search(r"median[^0-9\n]*([0-9]+(?:\.[0-9]+)?)\s*(ms|s)\b", output, re.I)
        if m:
            median = float(m.group(1)) / (1000 if m.group(2).lower() == "ms" else 1)
    result = b.add({"group": "watch", "name": "watch verdict latency",
                    "command": " ".join(cmd_display(cmd)),
                    "median": round(median, 4) if median is not None else None,
                    "ok": code == 0, "returncodes": [code], "script_wall": round(wall, 2),
                    "raw": data if data is not None else output.strip()[-2000:],
                    "loadavg": load_before})
    if median is None:
        b.notes.append("watch: watch_latency.py ran but no median latency could be read from "
                       "its output; see 'raw' in the JSON")
    b.log(f"  watch verdict latency: {result['median']} s (exit {code})")


CLASS_LOOP = """\
for d in "$1"/*/; do
  mkdir -p "$d.home" && (cd "$d" && "$2" katas --numkata-unlock-all --numkata-home "$d.home" \\
    -p no:cacheprovider -q > /dev/null)
done
"""


def run_warm(b: Bench, tree: Path, chapter: str) -> None:
    """A chapter run forked from warm_start's fork server, beside the same run started cold."""
    from pytest_numkata.warm_start.fork_server import ForkServer

    home = fresh_home(b.work, "warm")
    args = ["-m", "pytest", f"katas/{chapter}", *reference_args(home)]
    b.time_command("warm", f"chapter {chapter}, cold", [sys.executable, *args], tree)
    server = ForkServer(b.work / "fork-server", env=b.env)
    load_before = loadavg()
    t0 = time.perf_counter()
    started = server.start()
    start_seconds = time.perf_counter() - t0
    if not started:
        b.notes.append("warm: the fork server cannot run here (no fork or send_fds)")
        return
    try:
        b.add({"group": "warm", "name": "fork server start (loads it all once)",
               "command": "ForkServer(...).start()", "runs": [round(start_seconds, 4)],
               "median": round(start_seconds, 4), "min": round(start_seconds, 4),
               "ok": True, "loadavg": load_before})
        times, codes = [], []
        load_before = loadavg()
        for i in range(b.warmup + b.repeat):
            t0 = time.perf_counter()
            done = server.run(args, cwd=tree, env=b.env, timeout=300)
            if i >= b.warmup:
                times.append(time.perf_counter() - t0)
                codes.append(done.returncode)
        result = {"group": "warm", "name": f"chapter {chapter}, forked from the server",
                  "command": " ".join(cmd_display([sys.executable, *args])) + " (forked)",
                  "runs": [round(t, 4) for t in times], "median": round(statistics.median(times), 4),
                  "min": round(min(times), 4), "returncodes": codes,
                  "ok": all(c == 0 for c in codes), "loadavg": load_before}
        b.add(result)
        b.log(f"  {result['name']:<34} median {result['median']:.3f} s  runs {result['runs']}")
    finally:
        server.close()


def class_submissions(work: Path, tree: Path, learners: int) -> Path:
    """``learners`` copies of a full solved submission (a numkata init workspace layout)."""
    subs = work / "class"
    for i in range(learners):
        folder = subs / f"learner-{i:03d}"
        shutil.copytree(tree / "reference", folder / "katas",
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        shutil.copy2(tree / "pyproject.toml", folder / "pyproject.toml")
    return subs


def run_class(b: Bench, tree: Path, learners: int) -> None:
    subs = class_submissions(b.work, tree, learners)
    grade = [sys.executable, "-m", "pytest_numkata", "grade", str(subs)]
    extra = {"learners": learners}

    def fresh(name: str) -> list[str]:
        out = b.work / f"grade-{name}"
        return ["sh", "-c", f'rm -rf "{out}" && "$@" --out "{out}"', "sh", *grade]

    rows = [
        ("shell loop: pytest katas --numkata-unlock-all",
         ["sh", "-c", CLASS_LOOP, "sh", str(subs), pytest_command()[0]]),
        ("numkata grade --jobs 2", fresh("j2") + ["--jobs", "2"]),
        ("numkata grade --jobs 2 --cold", fresh("j2cold") + ["--jobs", "2", "--cold"]),
        ("numkata grade --jobs 1", fresh("j1") + ["--jobs", "1"]),
        ("numkata grade --in-process", fresh("inproc") + ["--in-process"]),
    ]
    for name, cmd in rows:
        r = b.time_command("class", name, cmd, b.work, warmup=0, repeat=1, timeout=3600,
                           extra=dict(extra))
        if r["median"]:
            r["learners_per_minute"] = round(60 * learners / r["median"], 2)
            b.log(f"  {'':<34} {r['learners_per_minute']:.2f} learners/min")


def class_figures(b: Bench) -> dict:
    rows = {r["name"]: r for r in b.results if r["group"] == "class" and r.get("median")}
    loop = rows.get("shell loop: pytest katas --numkata-unlock-all")
    j1, j2 = rows.get("numkata grade --jobs 1"), rows.get("numkata grade --jobs 2")
    inproc = rows.get("numkata grade --in-process")
    out: dict = {}
    if j2 and loop:
        out["class_speedup_over_loop"] = round(loop["median"] / j2["median"], 3)
    if j1 and inproc:
        out["class_dask_overhead"] = round(j1["median"] / inproc["median"] - 1, 4)
    if j1 and j2:
        out["class_scaling_1_to_2"] = round(j1["median"] / j2["median"], 3)
    base = j1 or inproc
    if base:
        per_learner = base["median"] / base["learners"]
        out["class_seconds_per_learner_one_core"] = round(per_learner, 3)
        for cores in PROJECTED_CORES:
            out[f"class_projected_{PROJECTED_CLASS}_on_{cores}_cores_minutes"] = round(
                PROJECTED_CLASS * per_learner / cores / 60, 1)
    return out


# ---------------------------------------------------------------------------- targets, table
def apply_targets(b: Bench) -> None:
    floor = floor_seconds(b)
    for r in b.results:
        target = status = None
        if (r["group"] in ("chapters", "resident") and r.get("chapter") and floor is not None
                and r["median"] is not None):
            limit = floor + CHAPTER_OVER_FLOOR
            target = f"<= floor + {CHAPTER_OVER_FLOOR} = {limit:.2f} s"
            r["over_floor"] = round(r["median"] - floor, 4)
            status = r["median"] <= limit
        elif (r["group"] == "catalogue" and "the default" in r["name"]
              or r["name"] == "whole catalogue, warm") and r["median"] is not None:
            # the target is the run a learner or teacher makes; the other rows compare ways
            # of running it (one kata at a time; pytest-xdist on top of numkata's own forks)
            target = f"<= {CATALOGUE_MAX:g} s"
            status = r["median"] <= CATALOGUE_MAX
        elif r["group"] == "report" and r.get("attempts") == 100_000 and r["median"] is not None:
            target = f"< {REPORT_MAX:g} s"
            status = r["median"] < REPORT_MAX
        elif r["group"] == "class" and r["name"] == "numkata grade --jobs 2" and r["median"]:
            loop = b.find("shell loop: pytest katas --numkata-unlock-all")
            if loop and loop.get("median"):
                target = f"<= shell loop ({loop['median']:.1f} s)"
                status = r["median"] <= loop["median"]
        elif r["group"] == "class" and r["name"] == "numkata grade --jobs 1" and r["median"]:
            inproc = b.find("numkata grade --in-process")
            if inproc and inproc.get("median"):
                limit = inproc["median"] * (1 + DASK_OVERHEAD_MAX)
                target = f"<= in-process +{DASK_OVERHEAD_MAX:.0%} = {limit:.1f} s"
                status = r["median"] <= limit
        elif r["group"] == "watch" and r["median"] is not None:
            target = f"< {WATCH_MAX:g} s"
            status = r["median"] < WATCH_MAX
        if target:
            r["target"] = target
            r["status"] = "MET" if status else "MISSED"
            if not r.get("ok", True):
                r["status"] += " (run failed)"


def derived(b: Bench) -> dict:
    """Differences worth reading off: numkata's start-up cost, the fork runner's cost."""
    out = {}
    off = next((r for r in b.results if r["name"].startswith("-p no:numkata")), None)
    coll = next((r for r in b.results if r["name"].startswith("numkata collect-only")), None)
    none = next((r for r in b.results if "isolation=none" in r["name"]), None)
    fork = next((r for r in b.results if "isolation=process" in r["name"]), None)
    if off and coll:
        out["numkata_startup_overhead"] = round(coll["median"] - off["median"], 4)
    if none and fork:
        out["fork_isolation_cost"] = round(fork["median"] - none["median"], 4)
    floor = floor_seconds(b)
    if floor is not None:
        out["floor"] = floor
    out.update(class_figures(b))
    chapter_rows = [r for r in b.results if r["group"] == "chapters" and r["median"] is not None]
    if chapter_rows:
        out["chapters_sum"] = round(sum(r["median"] for r in chapter_rows), 4)
    costs = {}
    for r in chapter_rows:
        chapter = r.get("chapter") or r["name"].split()[-1]
        none_row = b.find(f"{chapter}, isolation=none")
        if none_row and none_row["median"] is not None:
            costs[chapter] = round(r["median"] - none_row["median"], 4)
    if costs:
        out["boundary_cost_per_chapter"] = costs
    return out


def table(b: Bench, meta: dict, extra: dict) -> str:
    lines = [
        f"numkata benchmarks - {meta['started']} - {meta['cpus']} CPUs - python {meta['python']}",
        f"load average (1/5/15 min): start {fmt_load(meta['loadavg_start'])}, "
        f"end {fmt_load(meta['loadavg_end'])}",
        f"median of {meta['repeat']} runs after {meta['warmup']} warm-up run(s); whole-process "
        f"wall times in seconds; bytecode: {meta['bytecode']}",
        "",
        f"{'group':<10} {'benchmark':<40} {'median':>8} {'min':>8}  {'target':<26} {'status':<8}"
        f" {'load(1m)':>8}",
        "-" * 116,
    ]
    for r in b.results:
        med = "-" if r.get("median") is None else f"{r['median']:.3f}"
        mn = "-" if r.get("min") is None else f"{r['min']:.3f}"
        status = r.get("status") or ("skipped" if r.get("skipped") else "")
        if not r.get("ok", True) and not status:
            status = "FAILED"
        load = r.get("loadavg")
        lines.append(f"{r['group']:<10} {r['name']:<40} {med:>8} {mn:>8}  "
                     f"{r.get('target', ''):<26} {status:<8} "
                     f"{(f'{load[0]:.2f}' if load else '-'):>8}")
        if r["group"] == "boundary" and r.get("unit") == "s":
            lines[-1] = (f"{r['group']:<10} {r['name']:<40} {r['median'] * 1e3:>6.3f}ms "
                         f"{r['min'] * 1e3:>6.3f}ms")
        if r["group"] == "report":
            lines.append(f"{'':<10}   {'(warm call ' + format(r['warm_call_median'], '.3f') + ' s, import ' + format(r['import_median'], '.3f') + ' s, process ' + format(r['process_wall_median'], '.3f') + ' s)':<60}")
    lines.append("-" * 116)
    if "floor" in extra:
        lines.append(f"floor (slower of the two floor rows): {extra['floor']:.3f} s")
    if "numkata_startup_overhead" in extra:
        lines.append(f"numkata start-up overhead (collect-only with numkata - pytest -p "
                     f"no:numkata, {OVERHEAD_CHAPTER}): {extra['numkata_startup_overhead']:+.3f} s")
    if "fork_isolation_cost" in extra:
        lines.append(f"learner-process isolation cost ({OVERHEAD_CHAPTER}, process - none): "
                     f"{extra['fork_isolation_cost']:+.3f} s")
    if "chapters_sum" in extra:
        lines.append(f"sum of chapter medians: {extra['chapters_sum']:.2f} s")
    if "boundary_cost_per_chapter" in extra:
        costs = extra["boundary_cost_per_chapter"]
        lines.append("boundary cost per chapter (default - isolation=none, s): "
                     + ", ".join(f"{k} {v:+.2f}" for k, v in costs.items()))
    for r in b.results:
        if r.get("learners_per_minute"):
            lines.append(f"class: {r['name']}: {r['learners_per_minute']:.2f} learners/min "
                         f"({r['learners']} learners x 77 katas)")
    if "class_speedup_over_loop" in extra:
        lines.append(f"class: numkata grade --jobs 2 vs the shell loop: "
                     f"{extra['class_speedup_over_loop']:.2f}x")
    if "class_dask_overhead" in extra:
        lines.append(f"class: Dask overhead (--jobs 1 over --in-process): "
                     f"{extra['class_dask_overhead']:+.1%}")
    if "class_scaling_1_to_2" in extra:
        lines.append(f"class: scaling from 1 to 2 workers: {extra['class_scaling_1_to_2']:.2f}x")
    if "class_seconds_per_learner_one_core" in extra:
        lines.append(f"class: {extra['class_seconds_per_learner_one_core']:.2f} s per learner on "
                     f"one worker; projected for {PROJECTED_CLASS} learners: " + ", ".join(
                         f"{extra[f'class_projected_{PROJECTED_CLASS}_on_{c}_cores_minutes']:.1f}"
                         f" min on {c} cores" for c in PROJECTED_CORES) + " (ideal scaling)")
    counts = {}
    for r in b.results:
        if r.get("status"):
            key = r["status"].split()[0]
            counts[key] = counts.get(key, 0) + 1
    if counts:
        lines.append("targets: " + ", ".join(f"{v} {k}" for k, v in sorted(counts.items())))
    for note in b.notes:
        lines.append(f"note: {note}")
    return "\n".join(lines)


def fmt_load(load) -> str:
    return "/".join(f"{x:.2f}" for x in load) if load else "n/a"


def git_commit() -> str | None:
    try:
        return subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, timeout=10).stdout.strip() or None
    except (OSError, subprocess.SubprocessError):
        return None


# ---------------------------------------------------------------------------- main
def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=None,
                        help="timed runs per benchmark, after the warm-up (default 3; 1 with "
                             "--quick)")
    parser.add_argument("--warmup", type=int, default=None,
                        help="untimed runs before timing (default 1; 0 with --quick)")
    parser.add_argument("--quick", action="store_true",
                        help="a smoke test: one run, no warm-up, report sizes up to 10^4")
    parser.add_argument("--only", default=None,
                        help=f"comma-separated groups to run (default all): {','.join(GROUPS)}")
    parser.add_argument("--json", default=str(DEFAULT_JSON), metavar="PATH",
                        help=f"where the results go (default {DEFAULT_JSON.relative_to(ROOT)})")
    parser.add_argument("--chapter", default=OVERHEAD_CHAPTER,
                        help="the chapter the overhead and warm groups run (default "
                             f"{OVERHEAD_CHAPTER})")
    parser.add_argument("--keep-bytecode-env", action="store_true",
                        help="keep the caller's PYTHONDONTWRITEBYTECODE / PYTHONPYCACHEPREFIX "
                             "(default: cache bytecode under a temporary prefix, as a learner's "
                             "machine caches it in __pycache__)")
    parser.add_argument("--class-learners", type=int, default=None, metavar="N",
                        help=f"submissions the class group grades (default {CLASS_LEARNERS}; "
                             f"2 with --quick)")
    parser.add_argument("--keep", action="store_true",
                        help="keep the temporary working directory (tree copy, homes)")
    args = parser.parse_args(argv)
    groups = GROUPS if not args.only else tuple(g.strip() for g in args.only.split(",") if g.strip())
    unknown = [g for g in groups if g not in GROUPS]
    if unknown:
        parser.error(f"unknown group(s) {', '.join(unknown)}; choose from {', '.join(GROUPS)}")
    args.groups = groups
    if args.class_learners is None:
        args.class_learners = 2 if args.quick else CLASS_LEARNERS
    if args.repeat is None:
        args.repeat = 1 if args.quick else 3
    if args.warmup is None:
        args.warmup = 0 if args.quick else 1
    if args.repeat < 1 or args.warmup < 0:
        parser.error("--repeat must be at least 1 and --warmup at least 0")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    started = time.strftime("%Y-%m-%d %H:%M:%S")
    t_start = time.perf_counter()
    meta = {
        "started": started, "python": platform.python_version(), "platform": platform.platform(),
        "cpus": os.cpu_count(), "loadavg_start": loadavg(), "repeat": args.repeat,
        "warmup": args.warmup, "quick": args.quick, "groups": list(args.groups),
        "commit": git_commit(),
        "caller_PYTHONDONTWRITEBYTECODE": os.environ.get("PYTHONDONTWRITEBYTECODE"),
        "bytecode": ("caller's environment" if args.keep_bytecode_env
                     else "cached under a temporary PYTHONPYCACHEPREFIX"),
    }
    work = Path(tempfile.mkdtemp(prefix="numkata-bench-"))
    b = Bench(args.repeat, args.warmup, work, keep_bytecode_env=args.keep_bytecode_env)
    try:
        needs_tree = set(args.groups) & {"chapters", "resident", "catalogue", "collect",
                                         "overhead", "boundary", "watch", "warm", "class"}
        tree = copy_tree(work) if needs_tree else None
        ran_chapters = False
        for group in args.groups:
            b.log(f"[{group}] load {loadavg()}")
            if group == "floor":
                run_floor(b)
            elif group == "imports":
                run_imports(b, imported_libraries(args.quick))
            elif group == "chapters":
                run_chapters(b, tree)
                ran_chapters = True
            elif group == "resident":
                run_resident(b, tree, [args.chapter] if args.quick else None)
            elif group == "catalogue":
                run_catalogue(b, tree, warmed=ran_chapters)
            elif group == "collect":
                run_collect(b, tree)
            elif group == "overhead":
                if args.chapter not in chapters(tree):
                    b.notes.append(f"overhead: no chapter {args.chapter}")
                else:
                    run_overhead(b, tree, args.chapter)
            elif group == "boundary":
                run_boundary(b, tree)
            elif group == "report":
                run_report(b, REPORT_SIZES[:2] if args.quick else REPORT_SIZES)
            elif group == "watch":
                run_watch(b, tree)
            elif group == "warm":
                run_warm(b, tree, args.chapter)
            elif group == "class":
                run_class(b, tree, args.class_learners)
    finally:
        if args.keep:
            print(f"working directory kept: {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    meta["loadavg_end"] = loadavg()
    meta["total_seconds"] = round(time.perf_counter() - t_start, 1)
    apply_targets(b)
    extra = derived(b)
    print(table(b, meta, extra))
    print(f"total benchmark time: {meta['total_seconds']:.0f} s")
    out = Path(args.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"meta": meta, "derived": extra, "results": b.results,
                               "notes": b.notes,
                               "targets": {"chapter_over_floor": CHAPTER_OVER_FLOOR,
                                           "catalogue_max": CATALOGUE_MAX,
                                           "report_100k_max": REPORT_MAX,
                                           "watch_max": WATCH_MAX}},
                              indent=2) + "\n")
    print(f"results written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
