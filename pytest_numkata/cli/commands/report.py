"""``numkata report``: rebuild the HTML mastery report (runs nothing) and print its link."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..context import Context
from ..errors import EXIT_OK


def register(sub, common) -> None:
    p = sub.add_parser("report", parents=common,
                       help="rebuild the HTML mastery report (runs nothing) and print its link")
    p.add_argument("--output", metavar="FILE", default=None,
                   help="where to write it (default HOME/report.html)")
    p.set_defaults(func=run)


def run(ctx: Context, args: argparse.Namespace) -> int:
    from ...report import write_report

    output = Path(args.output).resolve() if args.output else None
    path = write_report(ctx.home, ctx.catalogue, output=output)
    print(path.resolve().as_uri())
    return EXIT_OK
