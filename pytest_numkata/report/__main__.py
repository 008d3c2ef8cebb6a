"""``python -m pytest_numkata.report [HOME] [--output FILE] [--today YYYY-MM-DD]``: rebuild
report.html and results.json from the progress store without running anything."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from ..progress import StoreError
from . import write_report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="numkata report", description=__doc__)
    parser.add_argument("home", nargs="?", default=os.environ.get("NUMKATA_HOME", ".numkata"),
                        help="the numkata home (default: $NUMKATA_HOME or .numkata)")
    parser.add_argument("--output", type=Path, default=None,
                        help="where to write the report (default HOME/report.html)")
    parser.add_argument("--today", type=date.fromisoformat, default=None,
                        help="the local date the streak counts to (default: today)")
    args = parser.parse_args(argv)
    try:
        path = write_report(Path(args.home), output=args.output, today=args.today)
    except StoreError as exc:
        print(f"numkata report: {exc}", file=sys.stderr)
        return 1
    print(path.resolve().as_uri())
    return 0


if __name__ == "__main__":
    sys.exit(main())
