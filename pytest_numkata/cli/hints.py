"""Showing and counting a kata's hints: ``numkata hint`` and watch's ``h`` key both use this.

A hint is counted (and shown in the report) when it is handed out for a kata still to be
mastered. A kata of a locked chapter has no hints yet; a mastered kata shows all of its hints
without counting any."""

from __future__ import annotations

from ..packs.catalogue import Kata
from ..progress.outcomes import Status
from ..progress.store import ProgressStore
from .context import Context
from .errors import EXIT_OK, EXIT_REFUSED, CliError


def refuse_if_locked(kata: Kata, standing) -> None:
    if standing.is_open(kata.chapter):
        return
    before = standing.chapter_before(kata.chapter)
    raise CliError(f"{kata.chapter} is locked - master {before.chapter.id} first "
                   f"({before.left} of {before.total} katas left); the hints of {kata.id} "
                   f"open with its chapter", EXIT_REFUSED)


def show_hint(ctx: Context, kata: Kata) -> int:
    """Show the hints used so far plus one more (recorded), or all of them when used up or
    when the kata is mastered (then nothing is recorded)."""
    total = len(kata.hints)
    with ProgressStore(ctx.home) as store:
        states = store.states()
        refuse_if_locked(kata, ctx.standing(states))
        state = states.get(kata.id)
        mastered = state is not None and state.status is Status.MASTERED
        used = state.hints_used if state else 0
        new = used < total and not mastered
        if new:
            used = store.record_hint(kata.id)
    shown = total if mastered else min(used, total)
    s = ctx.style
    ctx.out(s(f"{kata.id} - {kata.title} ({kata.type})", "bold"))
    for number, text in enumerate(kata.hints[:shown], start=1):
        newest = new and number == shown
        label = f"hint {number}/{total}:"
        if newest:
            ctx.out(f"{s(label, 'cyan', 'bold')} {text}")
        elif ctx.verbosity >= 0 or number == shown or mastered:
            ctx.out(f"{s(label, 'dim')} {text}")
    if mastered:
        ctx.out(s(f"{kata.id} is mastered: all {total} hints shown, none counted", "green"))
    elif shown < total:
        ctx.out(s(f"`numkata hint {kata.id}` again shows hint {shown + 1} of {total}", "dim"))
    elif new:
        ctx.out(s(f"that was the last hint ({total} of {total} shown)", "dim"))
    else:
        ctx.out(s(f"all {total} hints are shown - there are no more for {kata.id}", "yellow"))
    return EXIT_OK
