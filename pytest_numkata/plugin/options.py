"""numkata's options for one run, read and checked once (a bad value is one UsageError line).

``Options.from_config`` turns pytest's options, ini values and environment into a frozen
object; every numkata plugin of the run reads it from ``config.stash[OPTIONS]``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from ..sandbox.limits import Limits
from ..workspace import Workspace

DEFAULT_TIMEOUT = 10.0  # seconds of the learner's CPU time per check
DEFAULT_MEMORY_MB = 1024  # address space a learner process may add to what it starts with
ISOLATIONS = ("process", "fork", "none")


@dataclass(frozen=True)
class Options:
    workspace: Workspace  # root, home, kata and reference trees (``workspace.for_config``)
    use: str  # "katas" or "reference"
    unlock_all: bool
    report: str | None  # None: the default place; "-": none; else a path
    timeout: float | None  # None: the kata's own, else DEFAULT_TIMEOUT
    memory_mb: int | None
    jobs: int
    learner_remote: bool  # kata code in a learner process (False only with isolation=none)
    fork_judges: bool  # checks graded in forked judge processes
    seed: str | None
    is_worker: bool  # an xdist worker
    is_controller: bool  # an xdist controller (grades nothing itself)
    collect_only: bool

    @property
    def rootpath(self) -> Path:
        return self.workspace.root

    @property
    def katas_dir(self) -> Path:
        return self.workspace.katas

    @property
    def reference_dir(self) -> Path:
        return self.workspace.reference

    @property
    def home(self) -> Path:
        return self.workspace.home

    @property
    def record(self) -> bool:
        return self.use == "katas"

    @property
    def tree(self) -> Path:
        return self.reference_dir if self.use == "reference" else self.katas_dir

    @property
    def write_report(self) -> bool:
        return self.report != "-"

    @property
    def report_output(self) -> Path | None:
        if self.report and self.report != "-":
            return Path(self.report).expanduser().resolve()
        return None

    def limits_for(self, kata) -> Limits:
        """The learner's limits for this kata: CPU seconds per check, memory."""
        return Limits(timeout=self.timeout or kata.timeout or DEFAULT_TIMEOUT,
                      memory_mb=self.memory_mb or DEFAULT_MEMORY_MB)

    def judge_limits_for(self, kata) -> Limits:
        """A forked judge process's own backstop. With kata code in a learner process, its
        time is limited there; the checks and oracles get a generous limit of their own (and
        the judge's wall-clock backstop must outlast the learner's)."""
        limits = self.limits_for(kata)
        if not self.learner_remote:
            return limits
        return Limits(timeout=max(60.0, 3 * limits.timeout), memory_mb=max(limits.memory_mb, 2048))

    @classmethod
    def from_config(cls, config: pytest.Config, workspace: Workspace) -> Options:
        """``workspace`` is the run's (``workspace.for_config``), its home already checked."""
        from ..judge.examples import grading_seed

        timeout = config.getoption("numkata_timeout")
        memory = config.getoption("numkata_memory")
        if timeout is not None and timeout <= 0:
            raise pytest.UsageError("--numkata-timeout must be a positive number of seconds")
        if memory is not None and memory <= 0:
            raise pytest.UsageError("--numkata-memory must be a positive number of MB")
        jobs = config.getoption("numkata_jobs")
        if jobs is not None and jobs < 1:
            raise pytest.UsageError("--numkata-jobs must be at least 1")
        is_worker = hasattr(config, "workerinput")
        if jobs is None:
            jobs = 1 if is_worker else max(1, min(4, os.cpu_count() or 1))
        seed = grading_seed(config)
        chosen = config.getoption("numkata_isolation") or "process"
        if chosen == "none" and seed is not None:
            raise pytest.UsageError("--numkata-isolation=none runs kata code inside the judge: "
                                    "it cannot be used for grading with a seed (NUMKATA_SEED "
                                    "or --numkata-seed)")
        if chosen == "none" and (timeout is not None or memory is not None):
            raise pytest.UsageError("--numkata-timeout and --numkata-memory limit the learner "
                                    "process: they cannot be combined with "
                                    "--numkata-isolation=none")
        learner_remote = chosen != "none"
        fork_judges = learner_remote and hasattr(os, "fork") and not config.getoption(
            "usepdb", False)  # the debugger needs the checks in this process
        return cls(
            workspace=workspace,
            use=config.getoption("numkata_use"),
            unlock_all=config.getoption("numkata_unlock_all"),
            report=config.getoption("numkata_report"),
            timeout=timeout,
            memory_mb=memory,
            jobs=jobs,
            learner_remote=learner_remote,
            fork_judges=fork_judges,
            seed=seed,
            is_worker=is_worker,
            is_controller=bool(getattr(config.option, "numprocesses", None)) and not is_worker,
            collect_only=bool(config.getoption("collectonly", False)),
        )


OPTIONS = pytest.StashKey[Options]()

