"""``numkata status``: chapters, lock state, the next kata and the day streak."""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from pathlib import Path

from ...progress.outcomes import Status
from ..context import Context
from ..errors import EXIT_OK
from ..output import STATUS_COLOURS
from ..output import plural as _plural


def register(sub, common) -> None:
    p = sub.add_parser("status", parents=common,
                       help="chapters, lock state, the next kata and your streak")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=run)


def _streak(home: Path):
    from ...report.data import read_store
    from ...report.streaks import compute_streak

    data = read_store(home)
    today = datetime.now().astimezone().date()
    return compute_streak((d for d, (n, _passed) in data.days.items() if n > 0), today)


def status_data(ctx: Context) -> dict:
    cat, home = ctx.catalogue, ctx.home
    standing = ctx.standing()
    states = standing.states
    upcoming = standing.next_kata()
    streak = _streak(home)
    chapters, katas = [], []
    for p in standing.chapters:
        chapters.append({
            "id": p.chapter.id, "title": p.chapter.title, "unlocked": p.unlocked,
            "mastered": p.mastered, "regressed": p.regressed, "total": p.total,
            "locked_message": None if p.unlocked else standing.locked_message(p.chapter.id),
        })
        for kata in p.chapter.katas:
            state = states.get(kata.id)
            katas.append({
                "id": kata.id, "chapter": kata.chapter, "title": kata.title,
                "type": kata.type, "difficulty": kata.difficulty,
                "status": p.statuses[kata.id].value, "locked": not p.unlocked,
                "attempts": state.attempts if state else 0,
                "hints_used": min(state.hints_used, len(kata.hints)) if state else 0,
                "hints_total": len(kata.hints),
                "path": ctx.workspace.rel(ctx.workspace.kata_path(kata)),
            })
    mastered = standing.mastered
    return {
        "root": str(ctx.workspace.root),
        "home": str(home),
        "katas_total": len(cat.katas),
        "mastered": mastered,
        "chapters": chapters,
        "katas": katas,
        "next": ({"id": upcoming.id, "title": upcoming.title, "type": upcoming.type,
                  "difficulty": upcoming.difficulty,
                  "command": ctx.workspace.command(upcoming)} if upcoming else None),
        "all_mastered": mastered == len(cat.katas) and len(cat.katas) > 0,
        "streak": {"current": streak.current, "best": streak.best,
                   "last_active": streak.last_active.isoformat() if streak.last_active else None,
                   "at_risk": streak.at_risk},
    }


def run(ctx: Context, args: argparse.Namespace) -> int:
    data = status_data(ctx)
    if args.json:
        print(json.dumps(data, indent=2))
        return EXIT_OK
    s = ctx.style
    by_chapter: dict[str, list[dict]] = {}
    for kata in data["katas"]:
        by_chapter.setdefault(kata["chapter"], []).append(kata)
    if ctx.verbosity >= 0:
        total = data["katas_total"]
        percent = int(100 * data["mastered"] / total) if total else 0
        ctx.out(s(f"numkata: {data['mastered']} of {total} katas mastered ({percent}%)", "bold"))
        width = max((len(f"{c['id']} {c['title']}") for c in data["chapters"]), default=0)
        for chapter in data["chapters"]:
            name = f"{chapter['id']} {chapter['title']}".ljust(width)
            if chapter["unlocked"]:
                done = chapter["mastered"] == chapter["total"]
                text = f"{chapter['mastered']}/{chapter['total']} mastered"
                if chapter["regressed"]:
                    text += f" ({chapter['regressed']} regressed)"
                ctx.out(f"  {name}  {s(text, 'green' if done else 'cyan')}")
            else:
                reason = chapter["locked_message"].split(" - ", 1)[1]
                ctx.out(f"  {s(name, 'dim')}  {s('locked', 'dim')} {s('(' + reason + ')', 'dim')}")
            if ctx.verbosity >= 1 and (chapter["unlocked"] or ctx.verbosity >= 2):
                for kata in by_chapter.get(chapter["id"], []):
                    status = Status(kata["status"])
                    hints = (f", {kata['hints_used']}/{kata['hints_total']} hints"
                             if kata["hints_used"] else "")
                    ctx.out(f"      {kata['id']:<34} {s(status.label, *STATUS_COLOURS[status])}"
                            f"  ({kata['type']}, {kata['difficulty']}{hints})")
    upcoming = data["next"]
    if upcoming:
        ctx.out(f"next: {s(upcoming['id'], 'bold')} ({upcoming['type']}, "
                f"{upcoming['difficulty']}) - {upcoming['command']}")
    elif data["all_mastered"]:
        ctx.out(s("every kata mastered - well done", "green", "bold"))
    streak = data["streak"]
    if streak["current"]:
        line = f"streak: {_plural(streak['current'], 'day')} (best {streak['best']})"
        if streak["at_risk"]:
            line += " - practise today to keep it"
        ctx.out(line)
    elif ctx.verbosity >= 0:
        best = f" (best {streak['best']})" if streak["best"] else ""
        ctx.out(f"streak: none yet{best} - grade a kata today to start one")
    return EXIT_OK

