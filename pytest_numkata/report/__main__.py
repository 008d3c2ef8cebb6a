"""``python -m pytest_numkata.report [HOME] [--output FILE] [--today YYYY-MM-DD]``: rebuild
report.html and results.json from the progress store without running anything.

HOME is the numkata home as ``workspace.py`` finds it: named (HOME, else ``$NUMKATA_HOME``), it
must exist; else the home of the workspace around the current directory."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from .. import workspace
from ..progress.store import StoreError
from . import write_report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="numkata report", description=__doc__)
    parser.add_argument("home", nargs="?", default=None,
                        help="the numkata home (default: $NUMKATA_HOME, else the .numkata/ "
                             "of the kata workspace around the current directory)")
    parser.add_argument("--output", type=Path, default=None,
                        help="where to write the report (default HOME/report.html)")
    parser.add_argument("--today", type=date.fromisoformat, default=None,
                        help="the local date the streak counts to (default: today)")
    args = parser.parse_args(argv)
    try:
        home = workspace.named_home(args.home)
        if home is None:
            found = workspace.require()
            found.check_home()
            home = found.home
        path = write_report(home, output=args.output, today=args.today)
    except (StoreError, workspace.WorkspaceError) as exc:
        print(f"numkata report: {exc}", file=sys.stderr)
        return 1
    print(path.resolve().as_uri())
    return 0


if __name__ == "__main__":
    sys.exit(main())
