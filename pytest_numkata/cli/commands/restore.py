"""``numkata restore KATA|CHAPTER``: bring back the version ``numkata reset`` kept in
``HOME/backups/<time>/`` - the latest one, or the one ``--from TIME`` names; ``--list``
shows them. The file being replaced is kept as a backup too, so a restore can be undone."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..backups import backups_of, describe, matching, new_backup_dir, write_atomic
from ..context import Context
from ..errors import EXIT_OK, EXIT_REFUSED, CliError
from ..naming import resolve_target


def register(sub, common) -> None:
    p = sub.add_parser("restore", parents=common,
                       help="bring back your version of a kata (or chapter) from the latest "
                            "backup `numkata reset` kept (--from TIME picks one, --list shows "
                            "them)")
    p.add_argument("target", metavar="KATA|CHAPTER", help="e.g. ch01/log_sum_exp or ch01")
    p.add_argument("--from", dest="when", metavar="TIME", default=None,
                   help="the backup to restore, by its time as --list shows it (a prefix "
                        "will do, e.g. 20261130-0915); default: the latest")
    p.add_argument("--list", action="store_true", help="list the backups; change nothing")
    p.set_defaults(func=run)


def run(ctx: Context, args: argparse.Namespace) -> int:
    named, katas = resolve_target(ctx, args.target)
    ws, home = ctx.workspace, ctx.home
    s = ctx.style
    found = {k.id: backups_of(home, k.relpath) for k in katas}
    if not any(found.values()):
        raise CliError(f"no backups of {named} yet: `numkata reset {named}` keeps one each "
                       f"time it replaces your file", EXIT_REFUSED)
    if args.list:
        for kata in katas:
            if not found[kata.id]:
                continue
            ctx.out(s(f"{kata.id}:", "bold"))
            for number, (stamp, path) in enumerate(reversed(found[kata.id])):
                latest = "  (latest)" if number == 0 else ""
                ctx.out(f"  {stamp}  {describe(stamp)}  {ws.display(path)}{latest}")
        if ctx.verbosity >= 0:
            ctx.out(s(f"`numkata restore {named} --from TIME` brings one back", "dim"))
        return EXIT_OK

    chosen: dict[str, tuple[str, Path]] = {}
    for kata in katas:
        kept = found[kata.id]
        if not kept:
            continue
        if args.when is None:
            chosen[kata.id] = kept[-1]
            continue
        stamps = matching([stamp for stamp, _ in kept], args.when)
        if len(stamps) > 1:
            raise CliError(f"--from {args.when} fits {len(stamps)} backups of {kata.id} "
                           f"({', '.join(stamps)}): give more of the time")
        if stamps:
            chosen[kata.id] = next(item for item in kept if item[0] == stamps[-1])
    if not chosen:
        raise CliError(f"no backup of {named} from {args.when!r} - `numkata restore {named} "
                       f"--list` shows the times there are")

    safety: Path | None = None
    restored = 0
    for kata in katas:
        if kata.id not in chosen:
            if len(katas) > 1 and ctx.verbosity >= 1:
                ctx.out(f"{kata.id}: no backup{'' if args.when is None else ' from then'}")
            continue
        stamp, source = chosen[kata.id]
        path = ws.kata_path(kata)
        data = source.read_bytes()
        if path.is_file() and path.read_bytes() == data:
            if ctx.verbosity >= 0:
                ctx.out(f"{kata.id}: already the version of {describe(stamp)}")
            continue
        note = ""
        if path.is_file():
            if safety is None:
                safety = new_backup_dir(home)
            kept = safety / kata.relpath
            kept.parent.mkdir(parents=True, exist_ok=True)
            kept.write_bytes(path.read_bytes())
            note = f"; the file it replaced is kept in {ws.display(kept)}"
        write_atomic(path, data)
        restored += 1
        ctx.out(f"{kata.id}: {s('restored', 'green')} your version of {describe(stamp)}{note}")
    if ctx.verbosity >= 0 and len(katas) > 1:
        ctx.out(f"{named}: {restored} of {len(katas)} katas restored")
    return EXIT_OK
