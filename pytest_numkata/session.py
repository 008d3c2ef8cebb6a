"""The plugin object registered for a run inside a kata tree (see ``plugin.pytest_configure``)."""

from __future__ import annotations

import gc
import os
import sys
from datetime import datetime
from pathlib import Path

import pytest

from . import catalogue as catalogue_mod
from .checking import KataLoadError
from .collect import KataModule, NotGradedItem, learner_failure_text
from .isolation import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, ForkRunner, Limits, fork_available, log_reports
from .grading import SANDBOX_KEY, STATE_KEY, Grader
from .progress import NOT_ATTEMPTED, ProgressStore, StoreError
from .summary import summary_lines
from .unlocking import chapter_progress, locked_message

HYPOTHESIS_PROFILE = "numkata"


def _no_local_constants() -> None:
    """Stop hypothesis from drawing constants found in "local" modules.

    Besides its seeded choices, hypothesis draws now and then from the literals of every
    non-library module loaded so far (hypothesis >= 6.131): the learner's own file, and with an
    editable install every checks module the run imported. The examples, and so the verdict,
    would then change with an unused constant in the learner's file or with whether one kata
    or its whole chapter ran (tests/test_reproducible.py). The pool is kept empty; hypothesis's
    own list of well-known edge values still applies. It is also 0.15 s less collection.
    """
    try:
        from hypothesis.internal.conjecture import providers
        from hypothesis.internal.constants_ast import Constants
    except ImportError:  # a hypothesis without local constants: nothing to do
        return
    if hasattr(providers, "_get_local_constants"):
        empty = Constants()
        providers._get_local_constants = lambda: empty
        cache = getattr(providers, "CONSTANTS_CACHE", None)
        if cache is not None and hasattr(cache, "cache"):
            cache.cache.clear()


def grading_seed(config: pytest.Config) -> str | None:
    value = config.getoption("numkata_seed", default=None) or os.environ.get("NUMKATA_SEED")
    return str(value) if value not in (None, "") else None


def _seed_number(seed: str, salt: str) -> int:
    import hashlib

    return int.from_bytes(hashlib.sha256(f"{seed}\0{salt}".encode()).digest()[:16], "big")


class _SeededRandomInputs:
    """Under a grading seed, the checks' ``np.random.default_rng(k)`` draws from (k, seed):
    different random inputs for every seed, the same ones for the same seed."""

    def __init__(self, seed: str):
        import numpy as np

        self.np = np
        self.original = np.random.default_rng
        mixed = _seed_number(seed, "numpy")
        original = self.original

        def default_rng(seed=None):
            if isinstance(seed, int | np.integer) and not isinstance(seed, bool):
                return original(np.random.SeedSequence([int(seed), mixed]))
            return original(seed)

        np.random.default_rng = default_rng

    def undo(self) -> None:
        self.np.random.default_rng = self.original


def _register_hypothesis_profiles(config: pytest.Config) -> None:
    # Hypothesis's pytest plugin writes "patch" files for failing examples and imports a code
    # rewriter (libcst) to do it: over a second per failing check, and files a learner never
    # asked for. It skips that step when the module cannot be imported.
    sys.modules.setdefault("hypothesis.extra._patching", None)  # type: ignore[arg-type]
    from hypothesis import HealthCheck, Phase, settings

    _no_local_constants()

    settings.register_profile(
        HYPOTHESIS_PROFILE,
        derandomize=True,  # the same examples, and so the same verdict, on every run and machine
        database=None,
        deadline=None,  # time limits are the grader's job (isolation.py), not hypothesis's
        max_examples=25,
        print_blob=False,
        # no "explain" phase: it reruns a failing example under line tracing, which costs
        # seconds and tells a learner nothing the check's own message does not
        phases=(Phase.explicit, Phase.generate, Phase.shrink),
        suppress_health_check=list(HealthCheck),
    )
    settings.register_profile("numkata-thorough", parent=settings.get_profile(HYPOTHESIS_PROFILE),
                              max_examples=400)
    if not config.getoption("hypothesis_profile", default=None):
        settings.load_profile(HYPOTHESIS_PROFILE)


class NumkataPlugin:
    def __init__(self, config: pytest.Config):
        from .plugin import resolve_home

        self.config = config
        root = config.rootpath
        self.katas_dir = (root / config.getini("numkata_katas")).resolve()
        self.reference_dir = (root / config.getini("numkata_reference")).resolve()
        self.use = config.getoption("numkata_use")
        self.unlock_all = config.getoption("numkata_unlock_all")
        self.home, explicit = resolve_home(config)
        if explicit and not self.home.is_dir():
            raise pytest.UsageError(
                f"numkata home {self.home} does not exist: create it or name another directory"
            )
        self.is_worker = hasattr(config, "workerinput")
        self.record = self.use == "katas"
        self.catalogue = catalogue_mod.load()
        self.grader = Grader(self.kata_for_nodeid)
        self.started = datetime.now().astimezone()
        self.locked_requested: list[str] = []
        self.store_note: str | None = None
        self.saw_katas = False
        self.report_path: Path | None = None
        report = config.getoption("numkata_report")
        self.write_report = report != "-"
        self.report_output = Path(report).expanduser().resolve() if report and report != "-" else None
        # Hypothesis keeps its files under the home, never in the learner's tree.
        os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY", str(self.home / "hypothesis"))
        _register_hypothesis_profiles(config)
        self.unlocked = self._unlocked_chapters()
        self._check_arguments()
        self.seed = grading_seed(config)
        chosen = config.getoption("numkata_isolation") or "process"
        if chosen == "none" and self.seed is not None:
            raise pytest.UsageError("--numkata-isolation=none runs kata code inside the judge: "
                                    "it cannot be used for grading with a seed (NUMKATA_SEED "
                                    "or --numkata-seed)")
        # Kata code runs in a confined learner process unless isolation is "none"; the
        # judge's own work is spread over forked judge processes where the OS can fork.
        self.learner_remote = chosen != "none"
        self.isolation = "fork" if chosen != "none" and fork_available() else "none"
        if self.isolation == "fork" and config.getoption("usepdb", False):
            self.isolation = "none"  # the debugger needs the checks in this process
        self._seeded_inputs = _SeededRandomInputs(self.seed) if self.seed else None
        self.sandboxes: set[str] = set()
        self.ignored: list[str] = []
        if self.learner_remote:
            from . import limits
            from .sandbox import process as learner_process

            limits.learner_runs_remotely(True)
            controller = bool(getattr(config.option, "numprocesses", None)) and not self.is_worker
            if not controller and not config.getoption("collectonly", False):
                learner_process.start_zygote()  # warms up while pytest collects
        jobs = config.getoption("numkata_jobs")
        if jobs is not None and jobs < 1:
            raise pytest.UsageError("--numkata-jobs must be at least 1")
        if jobs is None:
            jobs = 1 if self.is_worker else max(1, min(4, os.cpu_count() or 1))
        self.runner = ForkRunner(config, jobs) if self.isolation == "fork" else None
        self._batches: list[list] = []
        self._batch_index: dict[str, int] = {}
        timeout = config.getoption("numkata_timeout")
        memory = config.getoption("numkata_memory")
        if (timeout is not None and timeout <= 0) or (memory is not None and memory <= 0):
            raise pytest.UsageError("--numkata-timeout and --numkata-memory must be positive")
        self.timeout_option, self.memory_option = timeout, memory
        if self.isolation == "none" and config.getoption("numkata_isolation") == "none" and (
                timeout is not None or memory is not None):
            raise pytest.UsageError("--numkata-timeout and --numkata-memory need the forked grader:"
                                    " they cannot be combined with --numkata-isolation=none")

    # ------------------------------------------------------------------ state
    def _read_states(self):
        try:
            with ProgressStore(self.home, create=False) as store:
                if store.moved_aside:
                    self.store_note = self._moved_note(store)
                return store.states()
        except StoreError as exc:
            raise pytest.UsageError(str(exc)) from exc

    @staticmethod
    def _moved_note(store: ProgressStore) -> str:
        return (f"the progress store could not be read and was moved aside to "
                f"{store.moved_aside}; a new one was started (your old file is kept)")

    def _unlocked_chapters(self) -> set[str]:
        if self.is_worker and "numkata_unlocked" in self.config.workerinput:
            return set(self.config.workerinput["numkata_unlocked"])
        self.states = self._read_states()
        self.progress = chapter_progress(self.catalogue, self.states, self.unlock_all)
        return {p.chapter.id for p in self.progress if p.unlocked}

    @pytest.hookimpl(optionalhook=True)
    def pytest_configure_node(self, node) -> None:  # pytest-xdist controller
        node.workerinput["numkata_unlocked"] = sorted(self.unlocked)

    # ------------------------------------------------------------------ collection
    def kata_for_path(self, path: Path):
        try:
            rel = Path(path).resolve().relative_to(self.katas_dir)
        except ValueError:
            return None
        if rel.suffix != ".py" or len(rel.parts) != 2:
            return None
        return self.catalogue.by_id.get(rel.with_suffix("").as_posix())

    def kata_for_nodeid(self, nodeid: str) -> str | None:
        kata = self.kata_for_path(self.config.rootpath / nodeid.split("::", 1)[0])
        return kata.id if kata else None

    def _make_module(self, path: Path, parent):
        kata = self.kata_for_path(path)
        if kata is None:
            return None
        tree = self.reference_dir if self.use == "reference" else self.katas_dir
        return KataModule.for_kata(parent, Path(path), kata, tree / kata.relpath)

    # ------------------------------------------------------------------ what the judge imports
    def _under_katas(self, path: Path) -> Path | None:
        try:
            return Path(os.path.abspath(path)).relative_to(self.katas_dir)
        except ValueError:
            return None

    @pytest.hookimpl(tryfirst=True)
    def pytest_ignore_collect(self, collection_path: Path, config):
        """Under the kata tree only catalogue kata files (regular files, not links) and the
        chapter folders holding them are collected; anything else - a test_*.py, a package
        __init__.py - is never imported, and is named in the summary."""
        rel = self._under_katas(collection_path)
        if rel is None or not rel.parts:
            return None
        path = Path(collection_path)
        if len(rel.parts) == 1 and path.is_dir() and not path.is_symlink():
            if rel.parts[0] in self.catalogue.chapter_by_id:
                return None
            self.ignored.append(os.path.abspath(path) + "/")
            return True
        if path.name == "conftest.py" or path.name.startswith("."):
            return True if path.name.startswith(".") else None  # conftests: see guard_kata_tree
        if path.is_symlink() or path.suffix != ".py" or self.kata_for_path(path) is None:
            if path.suffix == ".py" or path.is_dir():
                self.ignored.append(os.path.abspath(path))
            return True
        return None

    @pytest.hookimpl(tryfirst=True)
    def pytest_collect_directory(self, path: Path, parent):
        """A chapter folder is a plain directory even with an ``__init__.py`` in it (pytest
        would import that file for a package)."""
        if self._under_katas(path) is not None:
            return pytest.Dir.from_parent(parent, path=path)
        return None

    def pytest_collect_file(self, file_path: Path, parent):
        if file_path.suffix != ".py" or parent.session.isinitpath(file_path):
            return None  # files named on the command line come through pytest_pycollect_makemodule
        return self._make_module(file_path, parent)

    @pytest.hookimpl(tryfirst=True)
    def pytest_pycollect_makemodule(self, module_path: Path, parent):
        return self._make_module(module_path, parent)

    def _check_arguments(self) -> None:
        """A file under the kata tree named on the command line must be a kata: never import
        anything else there as a test module."""
        for arg in self.config.args:
            path = (self.config.invocation_params.dir / arg.split("::", 1)[0]).resolve()
            if path.suffix != ".py" or not path.is_file():
                continue
            try:
                rel = path.relative_to(self.katas_dir)
            except ValueError:
                continue
            if self.kata_for_path(path) is None:
                chapter = rel.parts[0] if len(rel.parts) > 1 else ""
                known = [k.name for k in self.catalogue.katas if k.chapter == chapter]
                listing = f" (the katas of {chapter}: {', '.join(known)})" if known else ""
                raise pytest.UsageError(f"{arg} is not a numkata kata{listing}")

    def _seed_property_checks(self, items) -> None:
        """Under a grading seed each property check draws its own examples from the seed;
        without one, hypothesis's derandomised examples (the public ones) are used."""
        from hypothesis import seed as hypothesis_seed

        for item in items:
            fn = getattr(item, "obj", None)
            if fn is None or not hasattr(fn, "hypothesis"):
                continue
            if self.seed is not None:
                salt = f"{getattr(fn, '__module__', '')}.{getattr(fn, '__qualname__', '')}"
                hypothesis_seed(_seed_number(self.seed, salt))(fn)
                fn._numkata_seeded = True
            elif getattr(fn, "_numkata_seeded", False):
                fn._hypothesis_internal_use_seed = None
                fn._numkata_seeded = False

    def pytest_collection_modifyitems(self, session, config, items) -> None:
        self._seed_property_checks(items)
        keep, locked = [], []
        locked_chapters: dict[str, None] = {}
        for item in items:
            module = item.getparent(KataModule)
            self.saw_katas = self.saw_katas or module is not None
            if module is not None and module.kata.chapter not in self.unlocked:
                locked.append(item)
                locked_chapters.setdefault(module.kata.chapter)
            else:
                keep.append(item)
        if locked:
            items[:] = keep
            config.hook.pytest_deselected(items=locked)
        self.locked_requested = list(locked_chapters)

    def pytest_report_collectionfinish(self, config, start_path, items):
        if self.is_worker or not self.locked_requested:
            return None
        return [locked_message(self.progress, ch) for ch in self.locked_requested]

    # ------------------------------------------------------------------ running
    def limits_for(self, kata) -> Limits:
        """The learner's limits for this kata: CPU seconds per check, memory."""
        timeout = self.timeout_option or kata.timeout or DEFAULT_TIMEOUT
        return Limits(timeout=timeout, memory_mb=self.memory_option or DEFAULT_MEMORY_MB)

    def judge_limits_for(self, kata) -> Limits:
        """A forked judge process's own backstop. When kata code runs in a learner process its
        time is limited there; the judge's checks and oracles get a generous limit of their own
        (and the wall-clock backstop must outlast the learner's)."""
        limits = self.limits_for(kata)
        if not self.learner_remote:
            return limits
        return Limits(timeout=max(60.0, 3 * limits.timeout), memory_mb=max(limits.memory_mb, 2048))

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_call(self, item):
        """Around each check: the learner's CPU clock starts afresh, and what the learner
        printed during the check is attached to its report (cleaned and cut)."""
        module = item.getparent(KataModule)
        session = module.learner_session() if module is not None else None
        if session is None:
            return (yield)
        try:
            session.begin_check()
        except BaseException:  # noqa: BLE001 - a failed restart: the check's own use reports it
            pass
        try:
            return (yield)
        finally:
            text = session.end_check()
            if text:
                item.add_report_section("call", "stdout", text)
            item.user_properties.append((SANDBOX_KEY, session.sandbox))

    @pytest.hookimpl(trylast=True)
    def pytest_collection_finish(self, session) -> None:
        """Group the selected checks into batches: the consecutive checks of one kata, which
        one child grades together."""
        self._batches, self._batch_index = [], {}
        if self.runner is not None:  # forked children: the controller, or each xdist worker
            # hypothesis imports numpy.random (to save and restore its state) the first time a
            # property check runs: 10 ms in every child, or once here
            import numpy.random  # noqa: F401

            # Everything imported so far (pytest, NumPy, hypothesis, the checks) lives until the
            # process ends. Freezing it keeps it out of every later garbage collection - the
            # ones hypothesis and pytest run in each child and at exit scan ~10^6 objects,
            # about 0.04 s each - and out of the children's copy-on-write page faults. (No
            # gc.collect() first: the little garbage left stays until exit, which is soon.)
            gc.freeze()
        for item in session.items:
            if item.getparent(KataModule) is None or isinstance(item, NotGradedItem):
                continue
            if self._batches and self._batches[-1][0].parent is item.parent:
                self._batches[-1].append(item)
            else:
                self._batches.append([item])
            self._batch_index[item.nodeid] = len(self._batches) - 1

    def _batch(self, item) -> list:
        """The checks of item's kata from item on (one child grades them all)."""
        if self.is_worker or item.nodeid not in self._batch_index:
            return [item]  # xdist hands a worker one item at a time
        batch = self._batches[self._batch_index[item.nodeid]]
        return batch[batch.index(item):]

    def _upcoming(self, item):
        if self.is_worker or item.nodeid not in self._batch_index:
            return
        for batch in self._batches[self._batch_index[item.nodeid] + 1:]:
            yield batch, self.judge_limits_for(batch[0].getparent(KataModule).kata)

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_protocol(self, item, nextitem):
        module = item.getparent(KataModule)
        if self.runner is None or module is None or isinstance(item, NotGradedItem):
            return None
        reports = self.runner.reports_for(item, self._batch(item),
                                          self.judge_limits_for(module.kata),
                                          self._upcoming(item))
        log_reports(item, reports)
        return True

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item, call):
        report = yield
        module = item.getparent(KataModule)
        if module is None or call.excinfo is None or not report.failed:
            return report
        text = learner_failure_text(call.excinfo, module)
        if text is not None:
            report.longrepr = text
        if isinstance(call.excinfo.value, KataLoadError):
            if module._load_error_reported:
                # One failure says the file did not load; the other checks are not graded.
                report.outcome = "skipped"
                report.longrepr = (str(item.path), None,
                                   f"not graded: {module.source_path.name} did not load")
            module._load_error_reported = True
        return report

    def pytest_report_teststatus(self, report, config):
        props = dict(getattr(report, "user_properties", None) or ())
        if props.get(STATE_KEY) == NOT_ATTEMPTED and report.when == "call":
            return "not attempted", "N", ("NOT ATTEMPTED", {"yellow": True})
        return None

    def pytest_runtest_logreport(self, report) -> None:
        if not self.is_worker:
            self.grader.add_report(report)

    # ------------------------------------------------------------------ finishing
    def pytest_unconfigure(self, config) -> None:
        # the zygote outlives the run on purpose (see sandbox.process.start_zygote)
        if self._seeded_inputs is not None:
            self._seeded_inputs.undo()

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session, exitstatus) -> None:
        if self.runner is not None:
            self.runner.close()  # children still grading ahead when the run stopped early (-x)
        if self.is_worker:
            return
        attempts = self.grader.attempts()
        self.attempts = attempts
        self.recorded = False
        if self.record and attempts:
            try:
                with ProgressStore(self.home) as store:
                    if store.moved_aside:
                        self.store_note = self._moved_note(store)
                    store.record_run(attempts, started=self.started,
                                     command=" ".join(sys.argv[1:])[:500],
                                     grading_seed=self.seed, sandbox=self.sandbox_strength())
                    self.states = store.states()
                self.recorded = True
            except StoreError as exc:
                self.store_note = f"progress not recorded: {exc}"
        if hasattr(self, "states"):
            self.progress = chapter_progress(self.catalogue, self.states, self.unlock_all)
        if self.recorded and self.write_report and not session.config.option.collectonly:
            self._write_report()
        if self.locked_requested and session.exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def _display(self, path: str) -> str:
        try:
            return Path(path).relative_to(self.config.rootpath).as_posix()
        except ValueError:
            return path

    def sandbox_strength(self) -> str:
        if not self.learner_remote:
            return "none (isolation=none)"
        return ", ".join(sorted(self.grader.sandboxes)) or "none"

    def _sandbox_lines(self) -> list[str]:
        if not self.learner_remote:
            return ["sandbox: none - --numkata-isolation=none ran kata code inside the judge "
                    "(for debugging numkata only)"]
        seen = sorted(self.grader.sandboxes)
        if not seen:
            return []
        lines = [f"sandbox: {', '.join(seen)}"]
        if not any(s.startswith("landlock") for s in seen):
            lines.append("sandbox: kata files are not confined to their own folder here "
                         "(no Landlock on this system): only time, memory and process limits "
                         "apply")
        if self.seed is not None:
            lines.append(f"grading seed: {self.seed}")
        return lines

    def _write_report(self) -> None:
        from .report import write_report

        try:
            self.report_path = write_report(self.home, self.catalogue, output=self.report_output)
        except (StoreError, OSError) as exc:
            self.store_note = f"the mastery report was not written: {exc}"

    def pytest_terminal_summary(self, terminalreporter, exitstatus, config) -> None:
        if self.is_worker or not hasattr(self, "attempts") or not self.saw_katas:
            return
        if config.option.collectonly:
            return
        lines = summary_lines(self.catalogue, self.progress, self.attempts,
                              self.locked_requested)
        if not self.record:
            lines.append("reference run: progress not recorded")
        lines.extend(self._sandbox_lines())
        from .plugin import ignored_conftests

        ignored = ignored_conftests(config.pluginmanager) + self.ignored
        if ignored:
            shown = ", ".join(dict.fromkeys(self._display(p) for p in ignored))
            lines.append(f"ignored (not kata files, never imported): {shown}")
        if self.store_note:
            lines.append(self.store_note)
        if self.report_path is not None:
            lines.append(f"report: {self.report_path.as_uri()}")
        terminalreporter.write_sep("=", "numkata")
        for line in lines:
            terminalreporter.write_line(line)
