"""What every command gets: the catalogue, the workspace, the home, progress, the output style."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import packs
from .. import workspace as workspace_mod
from ..packs.catalogue import Catalogue
from ..workspace import Workspace, WorkspaceError
from .errors import CliError
from .output import Style


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
                found = self.workspace_here()
            except WorkspaceError:
                found = None
            katas = found.katas if found is not None else None
            self._catalogue = packs.catalogue_for(katas)
        return self._catalogue

    def _named_home(self) -> str | None:
        return getattr(self.args, "home", None)

    def workspace_here(self) -> Workspace | None:
        """The workspace around the current directory (``workspace.find``), if any."""
        if self._workspace is None:
            self._workspace = workspace_mod.find(home=self._named_home())
        return self._workspace

    @property
    def workspace(self) -> Workspace:
        found = self.workspace_here()
        if found is None:
            raise CliError(workspace_mod.NO_TREE.format(cwd=Path.cwd()))
        return found

    @property
    def home(self) -> Path:
        """The workspace's home; a home named with --home or NUMKATA_HOME serves outside any
        workspace too (``numkata report --home DIR``)."""
        try:
            found = self.workspace_here()
            if found is not None:
                found.check_home()
                return found.home
            home = workspace_mod.named_home(self._named_home())
        except WorkspaceError as exc:
            raise CliError(str(exc)) from None
        if home is None:
            raise CliError(workspace_mod.NO_TREE.format(cwd=Path.cwd()))
        return home

    def standing(self, states: dict | None = None):
        """The learner's standing (``progress.standing.Standing``): read from the home's
        progress store, or made from ``states`` already read."""
        from ..progress.standing import Standing

        if states is None:
            return Standing.load(self.catalogue, self.home)
        return Standing(self.catalogue, states)

    def out(self, text: str = "") -> None:
        print(text)

    def warn(self, text: str) -> None:
        print(self.err_style(text, "yellow"), file=sys.stderr)
