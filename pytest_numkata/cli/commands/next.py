"""``numkata next`` (alias ``open``): the next kata to attempt - printed, or with ``--edit``
opened in ``$VISUAL`` / ``$EDITOR``."""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess

from ...packs.catalogue import Kata
from ..context import Context
from ..errors import EXIT_OK, EXIT_REFUSED, CliError


def register(sub, common) -> None:
    p = sub.add_parser("next", aliases=["open"], parents=common,
                       help="the next kata to attempt (-q: just its path; --edit opens it in "
                            "$VISUAL or $EDITOR)")
    p.add_argument("--edit", action="store_true",
                   help="open it in your editor ($VISUAL, else $EDITOR)")
    p.set_defaults(func=run)


def next_kata(ctx: Context) -> Kata | None:
    return ctx.standing().next_kata()


def editor_command() -> list[str] | None:
    for name in ("VISUAL", "EDITOR"):
        value = os.environ.get(name, "").strip()
        if value:
            try:
                return shlex.split(value)
            except ValueError:
                raise CliError(f"${name} ({value!r}) is not a command line: fix its quoting, "
                               f"e.g. export {name}=nano") from None
    return None


def run(ctx: Context, args: argparse.Namespace) -> int:
    ws = ctx.workspace
    kata = next_kata(ctx)
    if kata is None:
        ctx.out(ctx.style("every kata mastered - nothing left to attempt; well done", "green"))
        return EXIT_OK
    path = ws.kata_path(kata)
    shown = ws.display(path)
    if ctx.verbosity < 0:
        ctx.out(shown)
    else:
        s = ctx.style
        ctx.out(f"next: {s(kata.id, 'bold')} - {kata.title} ({kata.type}, {kata.difficulty})")
        ctx.out(f"  edit   {shown}")
        ctx.out(f"  check  numkata check   (or: {ws.command(kata)})")
        if kata.hints:
            ctx.out(f"  stuck? numkata hint {kata.id}")
    if not args.edit:
        return EXIT_OK
    if not path.is_file():
        raise CliError(f"{shown} is missing - `numkata reset {kata.id}` brings the stub back")
    command = editor_command()
    if command is None:
        raise CliError("no editor set: export VISUAL or EDITOR (e.g. export EDITOR=nano), "
                       "then `numkata next --edit` again")
    try:
        code = subprocess.call([*command, str(path)], cwd=ws.root)
    except OSError as exc:
        raise CliError(f"could not start your editor {command[0]!r} ({exc.strerror or exc}): "
                       f"check $VISUAL / $EDITOR") from None
    if code != 0:
        raise CliError(f"your editor {command[0]!r} exited with status {code}", EXIT_REFUSED)
    return EXIT_OK
