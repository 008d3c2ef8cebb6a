"""``numkata dev check [PACK]``: for kata authors, is a pack sound - every stub "not
attempted", every reference passing, every mutant rejected with its named mistake, every
alternative passing, every hint said, every file there (``pytest_numkata.authoring``)."""

from __future__ import annotations

import argparse
import sys

from ..context import Context
from ..errors import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, CliError


def register(sub, common) -> None:
    p = sub.add_parser("dev", parents=common, help="tools for kata authors (dev check)")
    dev = p.add_subparsers(dest="dev_command", metavar="SUBCOMMAND")
    check = dev.add_parser(
        "check", parents=common,
        help="grade every stub, reference, mutant and alternative of a pack with the real "
             "judge; exit 1 on any problem",
        description="Grade a pack's stubs (each must be \"not attempted\"), references (each "
                    "must pass), mutants (each must be rejected, naming its `expect` mistake) "
                    "and alternatives (each must pass) with the real judge, and check that "
                    "every catalogue entry has its files and non-empty hints. Prints a table; "
                    "the exit status is 1 when anything is wrong.")
    check.add_argument("pack", nargs="?", default="numkata",
                       help="the installed pack to check (default: numkata's own katas; in a "
                            "clone, with its tests/mutants and tests/alternatives)")
    check.add_argument("--kata", action="append", metavar="ID", default=[],
                       help="check only this kata or chapter (ch01/log_sum_exp, ch01; a "
                            "qualified pack's as pack:ch00/name or ch00/name); repeatable")
    check.add_argument("--runs", type=int, default=2, metavar="N",
                       help="pytest runs side by side (default 2: each grades on every CPU, "
                            "but a round often ends waiting for one slow kata, and the next "
                            "round uses the time)")
    check.set_defaults(func=run_check)
    p.set_defaults(func=lambda ctx, args: _usage(p))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return EXIT_USAGE


def find_pack(name: str):
    """The installed kata pack called ``name`` (``numkata`` is numkata's own)."""
    from ...packs import PackError, get

    try:
        return get(name)
    except PackError as exc:
        raise CliError(str(exc)) from None


def run_check(ctx: Context, args: argparse.Namespace) -> int:
    from ...authoring import dev_check

    pack = find_pack(args.pack)
    try:
        katas = dev_check.selected(dev_check.run_catalogue(pack), args.kata)
    except KeyError as exc:
        raise CliError(f"{exc.args[0]} (not in pack {pack.name})") from None
    if args.runs < 1:
        raise CliError("--runs must be at least 1")

    def progress(run) -> None:
        if ctx.verbosity >= 0:
            print(f"  graded {run.label} in {run.seconds:.1f} s", file=sys.stderr, flush=True)

    if ctx.verbosity >= 0:
        print(f"numkata dev check: grading {len(katas)} katas of {pack.name}...",
              file=sys.stderr, flush=True)
    check = dev_check.check_pack(pack, [k.id for k in katas], runs_at_once=args.runs,
                                 progress=progress)
    print(dev_check.table(check, ctx.style))
    return EXIT_OK if check.ok else EXIT_REFUSED
