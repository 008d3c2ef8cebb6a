"""``numkata reset KATA|CHAPTER``: the pristine stub back; the learner's file is kept in
``HOME/backups/<time>/`` (``numkata restore`` brings it back)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..backups import new_backup_dir, write_atomic
from ..context import Context
from ..errors import EXIT_OK
from ..naming import resolve_target
from ..sources import stub_text


def register(sub, common) -> None:
    p = sub.add_parser("reset", parents=common,
                       help="put a kata's (or a chapter's) pristine stub back; your version "
                            "is kept in HOME/backups/ (`numkata restore` brings it back)")
    p.add_argument("target", metavar="KATA|CHAPTER", help="e.g. ch01/log_sum_exp or ch01")
    p.set_defaults(func=run)


def run(ctx: Context, args: argparse.Namespace) -> int:
    named, katas = resolve_target(ctx, args.target)
    ws, home = ctx.workspace, ctx.home
    pristine = {k.id: stub_text(k) for k in katas}  # every stub found before anything changes
    backups: Path | None = None
    s = ctx.style
    changed = 0
    for kata in katas:
        path = ws.kata_path(kata)
        new = pristine[kata.id].encode("utf-8")
        if path.exists():
            current = path.read_bytes()
            if current == new:
                if ctx.verbosity >= 0:
                    ctx.out(f"{kata.id}: already pristine")
                continue
            if backups is None:
                backups = new_backup_dir(home)
            saved = backups / kata.relpath
            saved.parent.mkdir(parents=True, exist_ok=True)
            saved.write_bytes(current)
            write_atomic(path, new)
            ctx.out(f"{kata.id}: {s('reset', 'green')} - your version is kept in "
                    f"{ws.display(saved)}")
        else:
            write_atomic(path, new)
            ctx.out(f"{kata.id}: {s('restored', 'green')} (the file was missing)")
        changed += 1
    if ctx.verbosity >= 0 and len(katas) > 1:
        ctx.out(f"{named}: {changed} of {len(katas)} katas reset")
    return EXIT_OK
