"""Running the hidden checks: the pytest plugin registered when this process grades katas.

Checks are grouped into batches (the consecutive checks of one kata). Where the OS can fork,
each batch is graded in a forked judge process (``fork_runner.ForkRunner``), several side by
side; the kata's code itself runs in a learner process (``pytest_numkata.sandbox``), whose CPU
clock starts afresh with each check and whose output is attached to the check's report.
"""

from __future__ import annotations

import gc

import pytest

from ..checking import KataLoadError
from . import schedule
from .collection import KataModule, NotGradedItem, learner_failure_text
from .examples import (SeededRandomInputs, is_property_check, prepare_property_checks,
                       warm_up)
from .fork_runner import ForkRunner, log_reports
from .verdicts import SANDBOX_KEY


def _kata_id(batch) -> str:
    return batch[0].getparent(KataModule).kata.id


class GradingPlugin:
    def __init__(self, config: pytest.Config, options):
        self.config = config
        self.options = options
        self.runner = ForkRunner(config, options.jobs) if options.fork_judges else None
        self._batches: list[list] = []  # the checks each judge process grades
        self._katas: list[list[str]] = []  # and their katas
        self._batch_index: dict[str, int] = {}
        self._seeded_inputs = SeededRandomInputs(options.seed) if options.seed else None
        self._times = schedule.load(options.home) if self.runner is not None else {}
        if options.learner_remote:
            from ..sandbox import limits
            from ..sandbox import process as learner_process

            limits.learner_runs_remotely(True)
            if not options.is_controller and not options.collect_only:
                learner_process.start_zygote()  # warms up while pytest collects

    # ------------------------------------------------------------------ scheduling
    def pytest_collection_modifyitems(self, session, config, items) -> None:
        prepare_property_checks(items, self.options.seed)

    @pytest.hookimpl(trylast=True)
    def pytest_collection_finish(self, session) -> None:
        """Group the selected checks into batches, each graded by one judge process: the
        consecutive checks of one kata, or of a few small katas (``schedule.share_judges``)."""
        self._batches, self._batch_index, self._katas = [], {}, []
        if self.runner is not None:  # forked judges: the controller, or each xdist worker
            # hypothesis imports numpy.random (to save and restore its state) the first time a
            # property check runs: 10 ms in every child, or once here
            import numpy.random  # noqa: F401

            # Everything imported so far (pytest, NumPy, hypothesis, the checks) lives until the
            # process ends. Freezing it keeps it out of every later garbage collection - the
            # ones hypothesis and pytest run in each child and at exit scan ~10^6 objects,
            # about 0.04 s each - and out of the children's copy-on-write page faults. (No
            # gc.collect() first: the little garbage left stays until exit, which is soon.)
            gc.freeze()
        batches: list[list] = []
        for item in session.items:
            if item.getparent(KataModule) is None or isinstance(item, NotGradedItem):
                continue
            if batches and batches[-1][0].parent is item.parent:
                batches[-1].append(item)
            else:
                batches.append([item])
        jobs = schedule.share_judges(
            batches, _kata_id, self._times,
            lambda batch: self.options.judge_limits_for(batch[0].getparent(KataModule).kata))
        judges_with_properties = sum(
            any(is_property_check(item) for batch in job for item in batch) for job in jobs)
        if self.runner is not None and judges_with_properties >= 2:
            warm_up()  # here once (~70 ms), not in each judge with property checks (~60 ms)
        for job in jobs:
            items = [item for batch in job for item in batch]
            self._batches.append(items)
            self._katas.append([_kata_id(batch) for batch in job])
            for item in items:
                self._batch_index[item.nodeid] = len(self._batches) - 1

    def _batch(self, item) -> list:
        """The checks one judge process grades with item's, from item on: its kata's, or those
        of the small katas that share the judge (``schedule.share_judges``)."""
        if self.options.is_worker or item.nodeid not in self._batch_index:
            return [item]  # xdist hands a worker one item at a time
        batch = self._batches[self._batch_index[item.nodeid]]
        return batch[batch.index(item):]

    def _waiting(self, item):
        """item's judge job and the ones after it, in the order judges take them up
        (``schedule``: the longest first)."""
        if self.options.is_worker or item.nodeid not in self._batch_index:
            return
        index = self._batch_index[item.nodeid]
        jobs = [(self._batch(item), self._katas[index])] + [
            (self._batches[i], self._katas[i]) for i in range(index + 1, len(self._batches))]
        for batch, _ in schedule.longest_first(
                jobs, lambda job: schedule.cost_of(job[1], self._times)):
            yield batch, self.options.judge_limits_for(batch[0].getparent(KataModule).kata)

    # ------------------------------------------------------------------ running
    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_protocol(self, item, nextitem):
        module = item.getparent(KataModule)
        if self.runner is None or module is None or isinstance(item, NotGradedItem):
            return None
        reports = self.runner.reports_for(item, self._batch(item),
                                          self.options.judge_limits_for(module.kata),
                                          self._waiting(item))
        log_reports(item, reports)
        return True

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

    # ------------------------------------------------------------------ finishing
    @pytest.hookimpl(tryfirst=True)
    def pytest_sessionfinish(self, session, exitstatus) -> None:
        if self.runner is not None:
            self.runner.close()  # judges still grading ahead when the run stopped early (-x)
            if not self.options.is_worker:
                schedule.save(self.options.home, self._times, self.runner.walls)

    def pytest_unconfigure(self, config) -> None:
        # the zygote outlives the run on purpose (see sandbox.process.start_zygote)
        if self._seeded_inputs is not None:
            self._seeded_inputs.undo()
