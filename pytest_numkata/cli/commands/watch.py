"""``numkata watch [CHAPTER]``: grade each kata file as it is saved (see ``cli/watch/``)."""

from __future__ import annotations

import argparse

from ..context import Context


def register(sub, common) -> None:
    p = sub.add_parser("watch", parents=common,
                       help="grade each kata file as you save it (keys: h hint, n next, "
                            "r rerun, c chapter, q quit)")
    p.add_argument("chapter", nargs="?", help="watch this chapter only (default: all of "
                                              "katas/, starting at the next kata)")
    p.add_argument("--poll", action="store_true",
                   help="poll for changes instead of waiting for file-system events (network "
                        "drives, containers, WSL)")
    p.add_argument("--poll-interval", type=float, default=0.1, metavar="SECONDS",
                   help="how often --poll looks (default 0.1)")
    p.add_argument("--whole-chapter", action="store_true",
                   help="grade the saved kata's whole chapter on each save, not just the kata")
    p.add_argument("--no-initial", action="store_true",
                   help="do not grade anything until the first save")
    p.set_defaults(func=run)


def run(ctx: Context, args: argparse.Namespace) -> int:
    from ..watch.loop import run as watch

    return watch(ctx, args)
