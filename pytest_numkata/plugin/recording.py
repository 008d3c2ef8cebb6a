"""Recording a run: one verdict per kata into the progress store, the report, the summary.

Registered as ``numkata-session`` in every numkata run (an xdist controller too: reports of
its workers arrive here). Workers record nothing.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path

import pytest

from ..judge.verdicts import STATE_KEY, Verdicts
from ..progress.outcomes import FileState, Outcome
from ..progress.standing import Standing
from ..progress.store import ProgressStore, StoreError
from .chapter_lock import moved_aside_note
from .summary import change_lines, partial_lines, summary_lines


class RecordingPlugin:
    def __init__(self, config: pytest.Config, options, catalogue, lock, tree):
        self.config = config
        self.options = options
        self.catalogue = catalogue
        self.lock = lock  # ChapterLockPlugin: the standing when the run started
        self.tree = tree  # KataTreePlugin: ids of nodes, what was left out
        self.verdicts = Verdicts(tree.kata_for_nodeid)
        self.started = datetime.now().astimezone()
        self.report_path: Path | None = None
        self.attempts = None
        self.recorded = False
        self.standing: Standing | None = None  # after the run
        self._mistakes: dict[tuple[str, str], str] = {}  # (kata, failure text) -> first check
        self._same_again: dict[str, list] = {}  # kata -> [first check, how many more]

    # names pytest-html's hooks (report/html_hooks.py) read from this plugin
    @property
    def home(self) -> Path:
        return self.options.home

    def kata_for_nodeid(self, nodeid: str) -> str | None:
        return self.tree.kata_for_nodeid(nodeid)

    # ------------------------------------------------------------------ reports
    def pytest_report_teststatus(self, report, config):
        props = dict(getattr(report, "user_properties", None) or ())
        if props.get(STATE_KEY) == FileState.NOT_ATTEMPTED and report.when == "call":
            label = Outcome.NOT_ATTEMPTED.label
            return label, "N", (label.upper(), {"yellow": True})
        return None

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_logreport(self, report) -> None:
        if self.options.is_worker:
            return
        self.verdicts.add_report(report)
        self._fold_repeated_failure(report)

    def _fold_repeated_failure(self, report) -> None:
        """One mistake repeated across a kata's checks is shown once: a later check that
        failed with the same message (but for the call on its first line) gets one line."""
        if not report.failed or report.when != "call" or not isinstance(report.longrepr, str):
            return
        kata = self.tree.kata_for_nodeid(report.nodeid)
        if kata is None:
            return
        first_line, _, rest = report.longrepr.partition("\n")
        if not rest.strip():
            return
        check = report.nodeid.split("::", 1)[-1]
        key = (kata, rest)
        first = self._mistakes.setdefault(key, check)
        if first == check:
            return
        report.longrepr = f"{first_line}\n  failed the same way as {first} (shown above)"
        entry = self._same_again.setdefault(kata, [first, 0])
        entry[1] += 1

    # ------------------------------------------------------------------ finishing
    def sandbox_strength(self) -> str:
        if not self.options.learner_remote:
            return "none (isolation=none)"
        return ", ".join(sorted(self.verdicts.sandboxes)) or "none"

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session, exitstatus) -> None:
        if self.options.is_worker:
            return
        self.attempts = self.verdicts.attempts()
        lock = self.lock
        self.standing = lock.standing
        if self.options.record and self.attempts:
            try:
                with ProgressStore(self.options.home) as store:
                    if store.moved_aside:
                        lock.store_note = moved_aside_note(store.moved_aside)
                    store.record_run(self.attempts, started=self.started,
                                     command=" ".join(sys.argv[1:])[:500],
                                     grading_seed=self.options.seed,
                                     sandbox=self.sandbox_strength())
                    states = store.states()
                self.standing = Standing(self.catalogue, states, self.options.unlock_all)
                self.recorded = True
            except StoreError as exc:
                lock.store_note = f"progress not recorded: {exc}"
        if self.recorded and self.options.write_report and not self.options.collect_only:
            self._write_report()

    def _write_report(self) -> None:
        from ..report import write_report

        try:
            self.report_path = write_report(self.options.home, self.catalogue,
                                            output=self.options.report_output)
        except (StoreError, OSError) as exc:
            self.lock.store_note = f"the mastery report was not written: {exc}"

    # ------------------------------------------------------------------ the summary
    def _kata_path(self, kata) -> str:
        """The path to type for a kata, from where pytest was started."""
        path = self.options.tree / kata.relpath
        try:
            return os.path.relpath(path, self.config.invocation_params.dir).replace(os.sep, "/")
        except ValueError:  # another drive (Windows)
            return str(path)

    def _sandbox_lines(self) -> list[str]:
        if not self.options.learner_remote:
            return ["sandbox: none - --numkata-isolation=none ran kata code inside the judge "
                    "(for debugging numkata only)"]
        seen = sorted(self.verdicts.sandboxes)
        if not seen:
            return []
        lines = [f"sandbox: {', '.join(seen)}"]
        if not any(s.startswith("landlock") for s in seen):
            lines.append("sandbox: kata files are not confined to their own folder here "
                         "(no Landlock on this system): only time, memory and process limits "
                         "apply")
        if self.options.seed is not None:
            lines.append(f"grading seed: {self.options.seed}")
        return lines

    def pytest_terminal_summary(self, terminalreporter, exitstatus, config) -> None:
        if self.options.is_worker or self.attempts is None or not self.tree.saw_katas:
            return
        if self.options.collect_only:
            return
        lines = change_lines(self.lock.standing, self.standing) if self.recorded else []
        lines += summary_lines(self.standing, self.attempts, self.lock.locked_requested,
                               kata_path=self._kata_path)
        lines += partial_lines(self.verdicts.partial())
        for kata, (first, more) in self._same_again.items():
            lines.append(f"{kata}: {first} failed, and {more} more check"
                         f"{'s' if more > 1 else ''} failed the same way")
        if not self.options.record:
            lines.append("reference run: progress not recorded")
        lines.extend(self._sandbox_lines())
        ignored = self.tree.ignored_paths()
        if ignored:
            lines.append(f"ignored (not kata files, never imported): {', '.join(ignored)}")
        if self.lock.store_note:
            lines.append(self.lock.store_note)
        report = self.report_path
        if report is None and self.options.write_report:
            default = self.options.report_output or self.options.home / "report.html"
            report = default if default.exists() else None  # not rebuilt: nothing recorded
        if report is not None:
            lines.append(f"report: {report.as_uri()}")
        terminalreporter.write_sep("=", "numkata")
        for line in lines:
            terminalreporter.write_line(line)
