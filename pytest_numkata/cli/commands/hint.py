"""``numkata hint KATA``: the next hint of a kata (earlier ones stay shown)."""

from __future__ import annotations

import argparse

from ..context import Context
from ..hints import show_hint
from ..naming import resolve_kata


def register(sub, common) -> None:
    p = sub.add_parser("hint", parents=common,
                       help="show the next hint of a kata (earlier ones stay visible)")
    p.add_argument("kata", help="a kata id such as ch01/log_sum_exp (or its file)")
    p.set_defaults(func=run)


def run(ctx: Context, args: argparse.Namespace) -> int:
    kata = resolve_kata(ctx, args.kata)
    ctx.home  # noqa: B018 - a named home that does not exist is reported before anything
    return show_hint(ctx, kata)
