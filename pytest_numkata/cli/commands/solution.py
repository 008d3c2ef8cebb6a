"""``numkata solution KATA``: the reference solution, once the kata is mastered."""

from __future__ import annotations

import argparse
import sys
import textwrap

from ... import why
from ...progress.outcomes import Status
from ..context import Context
from ..errors import EXIT_OK, EXIT_REFUSED, CliError
from ..naming import resolve_kata
from ..sources import reference_text


def register(sub, common) -> None:
    p = sub.add_parser("solution", parents=common,
                       help="show a kata's reference solution once you have mastered it")
    p.add_argument("kata")
    p.add_argument("--force", action="store_true",
                   help="show it even though the kata is not mastered yet")
    p.set_defaults(func=run)


def run(ctx: Context, args: argparse.Namespace) -> int:
    kata = resolve_kata(ctx, args.kata)
    state = ctx.standing().states.get(kata.id)
    mastered = state is not None and state.mastered
    if not mastered and not args.force:
        raise CliError(
            f"{kata.id} is not mastered yet: its solution opens once you master it "
            f"({ctx.workspace.command(kata)}). To see it anyway: "
            f"numkata solution {kata.id} --force", EXIT_REFUSED)
    text, source = reference_text(ctx, kata)
    if not mastered:
        ctx.warn(f"warning: {kata.id} is not mastered yet - reading a solution first takes "
                 f"away most of what the kata teaches. Showing it because of --force.")
    if ctx.verbosity >= 0:
        ctx.out(ctx.style(f"# {kata.id} - reference solution ({source})", "bold"))
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    if mastered and state.status is not Status.MASTERED and ctx.verbosity >= 0:
        ctx.out(ctx.style(f"# note: {kata.id} is regressed - your version fails now", "yellow"))
    note = _note(kata) if mastered else None
    if note and ctx.verbosity >= 0:
        # after mastery only; "# " keeps the output valid Python when pasted
        ctx.out(ctx.style("\n# Why it works / where this bites in ML", "bold"))
        ctx.out(textwrap.fill(note, width=92, initial_indent="# ", subsequent_indent="# "))
    return EXIT_OK



def _note(kata) -> str | None:
    """The "why it works" note: numkata's own, or the note in the kata's pack."""
    from ... import packs

    if kata.pack == packs.BUILTIN_PACK:
        return why.note(kata.id)
    return why.note_in(packs.of(kata).why, kata.local_id)
