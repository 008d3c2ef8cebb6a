"""``numkata new chNN/<name> --type TYPE [--pack NAME | --into DIR]``: scaffold a kata.

Writes the stub, the reference, the hidden checks module, the alternatives and (Build, Debug)
the mutants from templates, and appends the catalogue entry (a new chapter gets its file):
see ``authoring/scaffold.py``. The default pack is numkata's own, in a clone."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from ..context import Context
from ..errors import EXIT_OK, EXIT_REFUSED, CliError


def register(sub, common) -> None:
    from ...packs.catalogue import DIFFICULTIES, KATA_TYPES

    p = sub.add_parser("new", parents=common,
                       help="scaffold a new kata: stub, reference, checks, mutants, "
                            "alternatives and its catalogue entry")
    p.add_argument("kata", metavar="chNN/NAME", help="the new kata's id in its pack")
    p.add_argument("--type", required=True, choices=KATA_TYPES, help="the kata's type")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--pack", metavar="NAME", default=None,
                       help="an installed pack to add it to (default: numkata's own, in a "
                            "clone)")
    where.add_argument("--into", metavar="DIR", default=None,
                       help="a pack folder in the standard layout (catalogue/, stubs/, "
                            "reference/, checks/, mutants/, alternatives/); made if new")
    p.add_argument("--title", default=None, help="the kata's title (default: from its name)")
    p.add_argument("--difficulty", choices=DIFFICULTIES, default="medium")
    p.add_argument("--function", default=None,
                   help="Build/Debug: the function the stub defines (default: the name)")
    p.add_argument("--params", default="x", metavar="A,B",
                   help="Build/Debug: the function's parameters (default: x)")
    p.add_argument("--chapter-title", default=None,
                   help="a new chapter's title (default: Chapter NN)")
    p.set_defaults(func=run)


def run(ctx: Context, args: argparse.Namespace) -> int:
    from ... import packs
    from ...authoring.scaffold import Layout, NewKata, ScaffoldError, check, scaffold

    kata_id = args.kata.strip().replace("\\", "/")
    name = kata_id.rsplit("/", 1)[-1]
    kata = NewKata(
        id=kata_id, type=args.type,
        title=args.title or name.replace("_", " ").strip().capitalize(),
        difficulty=args.difficulty, function=args.function,
        params=tuple(p.strip() for p in args.params.split(",") if p.strip()),
        chapter_title=args.chapter_title)
    try:
        check(kata)
    except ScaffoldError as exc:
        raise CliError(str(exc)) from None
    try:
        if args.into:
            layout = Layout.at(Path(args.into).expanduser().resolve())
            where = f"the pack folder {args.into}"
        else:
            pack = packs.get(args.pack or packs.BUILTIN_PACK)
            layout = Layout.of_pack(pack)
            where = f"the {pack.name} pack"
        written = scaffold(layout, kata)
    except packs.PackError as exc:
        raise CliError(str(exc)) from None
    except ScaffoldError as exc:
        raise CliError(str(exc), EXIT_REFUSED) from None
    s = ctx.style
    ctx.out(f"{s('created', 'green')} {kata.id} ({kata.type}) in {where}:")
    for path in written:
        shown = os.path.relpath(path)
        ctx.out(f"  {shown if not shown.startswith('..') else path}")
    if ctx.verbosity >= 0:
        ctx.out("Fill the stub, the reference, the checks and the mutants/alternatives, write "
                "the hints, then:")
        if args.into:
            ctx.out("  numkata dev check PACK      # PACK: the pack's name, once installed")
        else:
            ctx.out(f"  numkata dev check{' ' + args.pack if args.pack else ''}")
    return EXIT_OK
