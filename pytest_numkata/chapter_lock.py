"""The chapter lock: checks of a locked chapter are not run, and the learner is told why.

Chapter N+1 opens when every kata of chapter N is mastered (``unlocking.py`` holds the rule);
``--numkata-unlock-all`` opens everything. The states come from the progress store once, at
the start of the run (an xdist worker gets the open chapters from its controller).
"""

from __future__ import annotations

import pytest

from .judge.collection import KataModule
from .progress import ProgressStore, StoreError
from .unlocking import chapter_progress


def moved_aside_note(store: ProgressStore) -> str:
    return (f"the progress store could not be read and was moved aside to "
            f"{store.moved_aside}; a new one was started (your old file is kept)")


class ChapterLockPlugin:
    def __init__(self, config: pytest.Config, options, catalogue):
        self.config = config
        self.options = options
        self.catalogue = catalogue
        self.store_note: str | None = None
        self.states: dict = {}
        self.progress = []
        self.locked_requested: list[str] = []
        if options.is_worker and "numkata_unlocked" in config.workerinput:
            self.unlocked = set(config.workerinput["numkata_unlocked"])
        else:
            self.states = self._read_states()
            self.progress = chapter_progress(catalogue, self.states, options.unlock_all)
            self.unlocked = {p.chapter.id for p in self.progress if p.unlocked}
        self.progress_before = list(self.progress)  # what the run's changes are measured from

    def _read_states(self):
        try:
            with ProgressStore(self.options.home, create=False) as store:
                if store.moved_aside:
                    self.store_note = moved_aside_note(store)
                return store.states()
        except StoreError as exc:
            raise pytest.UsageError(str(exc)) from exc

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
