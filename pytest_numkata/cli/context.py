"""What every command gets: the catalogue, the workspace, the home, progress, the output style."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .. import packs
from ..catalogue import Catalogue
from ..progress import ProgressStore
from .errors import CliError
from .output import Style
from .workspace import NO_TREE, Workspace, find_workspace


class Context:
    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.verbosity = getattr(args, "verbose", 0) - getattr(args, "quiet", 0)
        self.style = Style(sys.stdout, getattr(args, "color", "auto"))
        self.err_style = Style(sys.stderr, getattr(args, "color", "auto"))
        self._workspace: Workspace | None = None
        self._catalogue: Catalogue | None = None

    # -- lazily resolved, so `numkata init` needs no tree and a bad home names itself
    @property
    def catalogue(self) -> Catalogue:
        if self._catalogue is None:
            try:  # the packs the workspace holds; outside one (init), every installed pack
                katas = self.workspace.katas
            except CliError:
                katas = None
            self._catalogue = packs.catalogue(katas)
        return self._catalogue

    @property
    def workspace(self) -> Workspace:
        if self._workspace is None:
            found = find_workspace()
            if found is None:
                raise CliError(NO_TREE.format(cwd=Path.cwd()))
            self._workspace = found
        return self._workspace

    @property
    def home(self) -> Path:
        explicit = getattr(self.args, "home", None) or os.environ.get("NUMKATA_HOME")
        if explicit:
            home = Path(explicit).expanduser().resolve()
            if not home.is_dir():
                raise CliError(f"numkata home {home} does not exist: create it or name "
                               f"another directory")
            return home
        return self.workspace.root / ".numkata"

    def states(self) -> dict:
        with ProgressStore(self.home, create=False) as store:
            return store.states()

    def progress(self, states: dict | None = None):
        """Each chapter's lock state and kata statuses (``unlocking.chapter_progress``)."""
        from ..unlocking import chapter_progress

        return chapter_progress(self.catalogue, self.states() if states is None else states)

    def out(self, text: str = "") -> None:
        print(text)

    def warn(self, text: str) -> None:
        print(self.err_style(text, "yellow"), file=sys.stderr)
