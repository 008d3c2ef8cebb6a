"""``numkata grade SUBMISSIONS --out OUTDIR``: a teacher grades a whole class (see
``pytest_numkata.classroom``). Only the standard library is imported until the command runs."""

from __future__ import annotations

import argparse

from ..context import Context


def register(sub, common) -> None:
    from ...classroom import command as grade

    p = sub.add_parser("grade", parents=common, help="grade a class's submissions (teachers)")
    grade.add_arguments(p)
    p.set_defaults(func=run)


def run(ctx: Context, args: argparse.Namespace) -> int:
    from ...classroom import command as grade

    return grade.run(args)
