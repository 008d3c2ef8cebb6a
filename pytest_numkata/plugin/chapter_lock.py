"""The chapter lock: checks of a locked chapter are not run, and the learner is told why.

Chapter N+1 opens when every kata of chapter N is mastered (``progress/standing.py`` holds the
rule); ``--numkata-unlock-all`` opens everything. The standing is read from the progress store
once, at the start of the run (an xdist worker gets the open chapters from its controller).
"""

from __future__ import annotations

import pytest

from pathlib import Path

from ..judge.collection import KataModule
from ..progress.standing import Standing
from ..progress.store import StoreError


def moved_aside_note(moved_aside: Path) -> str:
    return (f"the progress store could not be read and was moved aside to "
            f"{moved_aside}; a new one was started (your old file is kept)")


class ChapterLockPlugin:
    def __init__(self, config: pytest.Config, options, catalogue):
        self.config = config
        self.options = options
        self.catalogue = catalogue
        self.store_note: str | None = None
        # the standing when the run started (what its changes are measured from); None in an
        # xdist worker, which gets the open chapters from its controller
        self.standing: Standing | None = None
        self.locked_requested: list[str] = []
        if options.is_worker and "numkata_unlocked" in config.workerinput:
            self.unlocked = set(config.workerinput["numkata_unlocked"])
        else:
            self.standing = self._read_standing()
            self.unlocked = self.standing.unlocked

    def _read_standing(self) -> Standing:
        try:
            standing = Standing.load(self.catalogue, self.options.home, self.options.unlock_all)
        except StoreError as exc:
            raise pytest.UsageError(str(exc)) from exc
        if standing.moved_aside:
            self.store_note = moved_aside_note(standing.moved_aside)
        return standing

    @pytest.hookimpl(optionalhook=True)
    def pytest_configure_node(self, node) -> None:  # pytest-xdist controller
        node.workerinput["numkata_unlocked"] = sorted(self.unlocked)

    def pytest_collection_modifyitems(self, session, config, items) -> None:
        keep, locked = [], []
        locked_chapters: dict[str, None] = {}
        for item in items:
            module = item.getparent(KataModule)
            if module is not None and module.kata.chapter not in self.unlocked:
                locked.append(item)
                locked_chapters.setdefault(module.kata.chapter)
            else:
                keep.append(item)
        if locked:
            items[:] = keep
            config.hook.pytest_deselected(items=locked)
        self.locked_requested = list(locked_chapters)

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session, exitstatus) -> None:
        if self.locked_requested and session.exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED
