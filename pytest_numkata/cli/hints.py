"""Showing and counting a kata's hints: ``numkata hint`` and watch's ``h`` key both use this."""

from __future__ import annotations

from ..catalogue import Kata
from ..progress import ProgressStore
from .context import Context
from .errors import EXIT_OK


def show_hint(ctx: Context, kata: Kata) -> int:
    """Show the hints used so far plus one more (recorded), or all of them when used up."""
    total = len(kata.hints)
    with ProgressStore(ctx.home) as store:
        state = store.states().get(kata.id)
        used = state.hints_used if state else 0
        new = used < total
        if new:
            used = store.record_hint(kata.id)
    shown = min(used, total)
    s = ctx.style
    ctx.out(s(f"{kata.id} - {kata.title} ({kata.type})", "bold"))
    for number, text in enumerate(kata.hints[:shown], start=1):
        newest = new and number == shown
        label = f"hint {number}/{total}:"
        if newest:
            ctx.out(f"{s(label, 'cyan', 'bold')} {text}")
        elif ctx.verbosity >= 0 or number == shown:
            ctx.out(f"{s(label, 'dim')} {text}")
    if shown < total:
        ctx.out(s(f"`numkata hint {kata.id}` again shows hint {shown + 1} of {total}", "dim"))
    elif new:
        ctx.out(s(f"that was the last hint ({total} of {total} shown)", "dim"))
    else:
        ctx.out(s(f"all {total} hints are shown - there are no more for {kata.id}", "yellow"))
    return EXIT_OK
