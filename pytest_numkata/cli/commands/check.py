"""``numkata check [KATA|CHAPTER]``: grade the next kata (or the kata or chapter named) with
pytest, without typing its path. The exit status is pytest's: 0 exactly when every kata
graded passed."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

from ...workspace import HOME_ENV
from ..context import Context
from ..errors import EXIT_OK, EXIT_USAGE, CliError
from ..naming import is_chapter, resolve_target


def register(sub, common) -> None:
    p = sub.add_parser("check", parents=common,
                       help="grade the next kata, or the kata or chapter named, with pytest "
                            "(pytest's exit status; options after -- go to pytest)")
    p.add_argument("target", metavar="KATA|CHAPTER", nargs="?", default=None,
                   help="e.g. ch01/log_sum_exp or ch01 (default: the next kata, as "
                        "`numkata next` shows it)")
    p.add_argument("pytest_args", metavar="-- PYTEST_OPTIONS", nargs="*", default=[],
                   help="more pytest options, after --, e.g. -- -x")
    p.set_defaults(func=run)


def run(ctx: Context, args: argparse.Namespace) -> int:
    ws, home = ctx.workspace, ctx.home
    if args.target is None:
        from .next import next_kata

        kata = next_kata(ctx)
        if kata is None:
            ctx.out(ctx.style("every kata mastered - nothing to check; name one to check it "
                              "again, e.g. numkata check ch00", "green"))
            return EXIT_OK
        paths = [ws.kata_path(kata)]
    elif is_chapter(ctx, args.target):
        named, _katas = resolve_target(ctx, args.target)
        paths = [ws.katas / named]
    else:
        named, katas = resolve_target(ctx, args.target)
        paths = [ws.kata_path(katas[0])]
    for path in paths:
        if not path.exists():
            name = ws.rel(path).removeprefix(ws.rel(ws.katas) + "/").removesuffix(".py")
            raise CliError(f"{ws.display(path)} is missing - `numkata reset {name}` brings "
                           f"the stub back", EXIT_USAGE)
    argv = [sys.executable, "-m", "pytest", *(ws.rel(p) for p in paths), *ws.pytest_args()]
    v = ctx.verbosity
    if v:
        argv.append("-" + ("q" * -v if v < 0 else "v" * v))
    color = getattr(args, "color", "auto")
    if color != "auto":
        argv.append(f"--color={color}")
    argv += args.pytest_args
    if ctx.verbosity >= 1:
        ctx.out(ctx.style("$ " + " ".join(["pytest", *argv[3:]]), "dim"))
    home.mkdir(parents=True, exist_ok=True)
    sys.stdout.flush()
    env = dict(os.environ)
    env.pop(HOME_ENV, None)  # ws.pytest_args() says it
    return subprocess.call(argv, cwd=ws.root, env=env)
