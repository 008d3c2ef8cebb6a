"""The mastery report: ``report.html`` (for the learner) and ``results.json`` (for scripts).

``write_report(home)`` reads the progress store in ``home`` (it never creates one), and writes
both files. The work is split so each part can be tested alone:

- ``data.read_store``: SQL aggregation of the attempts (a few queries, any history size);
- ``build_context``: a pure function of the catalogue, that data and ``today``;
- ``charts`` / ``streaks``: plain geometry and date arithmetic;
- ``templates/``: all the markup (Jinja2, autoescaped); Python never assembles HTML.
"""

from __future__ import annotations

import functools
import json
import os
import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .. import packs
from ..packs.catalogue import Catalogue
from ..progress.outcomes import Outcome, Status
from ..progress.standing import UNLOCK_RULE, Standing
from . import charts
from .data import StoreData, read_store
from .streaks import compute_streak

REPORT_NAME = "report.html"
RESULTS_NAME = "results.json"
RESULTS_SCHEMA_VERSION = 1
TEMPLATES = Path(__file__).with_name("templates")

BAR_STATUSES = (Status.MASTERED, Status.REGRESSED)  # what a progress bar fills with
STATUS_CSS = {
    Status.MASTERED: "mastered",
    Status.REGRESSED: "regressed",
    Status.FAILING: "failing",
    Status.NOT_ATTEMPTED: "untouched",
}


def _today() -> date:
    return datetime.now().astimezone().date()


# ---------------------------------------------------------------------------- context
def build_context(catalogue: Catalogue, data: StoreData, today: date, *,
                  generated_at: datetime | None = None) -> dict[str, Any]:
    """Everything the templates and ``results.json`` show, as plain values."""
    generated_at = generated_at or datetime.now().astimezone()
    states = data.states
    standing = Standing(catalogue, states)
    upcoming = standing.next_kata()
    counts = standing.counts()
    chapters = []
    first_locked = standing.first_locked
    mastered_changes: dict[date, int] = {}
    passing_changes: dict[date, int] = {}
    for p in standing.chapters:
        rows = []
        chapter_counts = p.counts()
        for kata in p.chapter.katas:
            status = p.statuses[kata.id]
            state = states.get(kata.id)
            history = data.katas.get(kata.id)
            first_mastered = history.first_pass_day if history else None
            if first_mastered is None and state and state.first_mastered_at:
                first_mastered = _day_of(state.first_mastered_at)
            if first_mastered is not None:
                mastered_changes[first_mastered] = mastered_changes.get(first_mastered, 0) + 1
            if history:
                passing = False
                for day, outcome in history.day_end:
                    now_passing = outcome is Outcome.PASSED
                    if now_passing != passing:
                        passing_changes[day] = passing_changes.get(day, 0) + (
                            1 if now_passing else -1)
                        passing = now_passing
            show_failures = status in (Status.FAILING, Status.REGRESSED) and history
            runs, versions, versions_exact = _versions(history, data.versions.get(kata.id))
            failures = list(history.last_failures) if show_failures else []
            rows.append({
                "id": kata.id,
                "name": kata.name,
                "title": kata.title,
                "type": kata.type,
                "difficulty": kata.difficulty,
                "status": status,
                "status_css": STATUS_CSS[status],
                "attempts": runs,  # graded runs (results.json keeps this name)
                "runs": runs,
                "versions": versions,
                "versions_exact": versions_exact,
                "first_mastered": first_mastered,
                "last_attempt": _day_of(state.last_attempt_at) if state else None,
                "hints_used": state.hints_used if state else 0,
                "failures": failures,
                "failure_groups": group_failures(failures),
                "failure_day": history.last_failure_day if show_failures else None,
                "locked": not p.unlocked,
                "is_next": upcoming is not None and upcoming.id == kata.id,
                "command": f"pytest katas/{kata.relpath}",
            })
        # The bar is mastery alone; failing katas are counted beside it, not drawn as progress.
        segments = charts.bar_segments(
            [(STATUS_CSS[s], s.label, chapter_counts[s]) for s in BAR_STATUSES], p.total)
        chapters.append({
            "id": p.chapter.id,
            "number": p.chapter.number,
            "title": p.chapter.title,
            "unlocked": p.unlocked,
            "complete": p.complete and p.total > 0,
            "mastered": p.mastered,
            "total": p.total,
            "percent": _percent(p.mastered, p.total),
            "counts": {STATUS_CSS[s]: n for s, n in chapter_counts.items()},
            "segments": segments,
            "locked_message": None if p.unlocked else standing.locked_message(p.chapter.id),
            "is_next_locked": first_locked is not None and p is first_locked,
            "katas": rows,
        })
    total = len(catalogue.katas)
    mastered = standing.mastered
    active = {d: n for d, (n, _passed) in data.days.items()}
    streak = compute_streak((d for d, n in active.items() if n > 0), today)
    lines = [("mastered", "line-mastered", charts.cumulative(mastered_changes)),
             ("passing", "line-passing", charts.cumulative(passing_changes))]
    # Two drawings of each chart: wide screens, and phones (fewer weeks, bigger type).
    chart = charts.mastery_chart(lines, total, today)
    chart_narrow = charts.mastery_chart(lines, total, today, width=360, height=220,
                                        left=30, right=12, x_ticks_wanted=3)
    # All of the history on one day, and that day is today: a line needs two days to be a
    # line, so the page states the day's numbers instead of drawing a jump.
    one_day = None
    if chart is not None and len(chart.rows) == 1 and chart.rows[0][0] >= today:
        one_day = {"day": chart.rows[0][0],
                   "counts": [(s.name, v) for s, v in zip(chart.series, chart.rows[0][1])]}
    known = set(catalogue.by_id)
    return {
        "title": "numkata mastery report",
        "generated_at": generated_at,
        "today": today,
        "unlock_rule": UNLOCK_RULE,
        "overall": {
            "total": total,
            "mastered": mastered,
            "percent": _percent(mastered, total),
            "mastered_passing": counts[Status.MASTERED],
            "regressed": counts[Status.REGRESSED],
            "failing": counts[Status.FAILING],
            "not_attempted": counts[Status.NOT_ATTEMPTED],
            "attempts": data.graded_attempts,
            "runs": data.runs,
            "last_run": data.last_run,
            "active_days": len(active),
            "chapters_open": len(standing.unlocked),
            "chapters": len(standing.chapters),
        },
        "overall_segments": charts.bar_segments(
            [(STATUS_CSS[s], s.label, counts[s]) for s in BAR_STATUSES], total),
        "streak": streak,
        "calendar": charts.calendar_geometry(active, today),
        "calendar_narrow": charts.calendar_geometry(active, today, min_weeks=20, max_weeks=20),
        "chart": chart,
        "chart_narrow": chart_narrow,
        "chart_one_day": one_day,
        "chapters": chapters,
        "next_kata": ({"id": upcoming.id, "title": upcoming.title, "type": upcoming.type,
                       "difficulty": upcoming.difficulty,
                       "status": standing.status(upcoming.id),
                       "command": f"pytest katas/{upcoming.relpath}"}
                      if upcoming else None),
        "next_locked": (
            {"id": first_locked.chapter.id, "title": first_locked.chapter.title,
             "message": standing.locked_message(first_locked.chapter.id)}
            if first_locked else None),
        "all_done": total > 0 and mastered == total,
        "empty": data.graded_attempts == 0 and not any(states.get(k) for k in known),
        "unknown_katas": sorted(k for k in data.katas if k not in known),
    }


def _versions(history, counted: tuple[int, int, int] | None) -> tuple[int, int, bool]:
    """(graded runs, versions of the file graded, whether that count is exact).

    A run recorded without the file's sha256 may have graded a file seen before: it counts as
    one version, and the count is then an upper bound (``exact`` is False)."""
    if counted is None:
        runs = history.graded if history else 0
        return runs, runs, runs == 0
    runs, known, unknown = counted
    return runs, known + unknown, unknown == 0


def group_failures(failures: list[dict]) -> list[dict]:
    """Failing checks with the same message, together: [{"checks": [...], "message": m}] in
    the order each message first appears."""
    groups: dict[str, dict] = {}
    for f in failures:
        group = groups.setdefault(f["message"], {"checks": [], "message": f["message"]})
        group["checks"].append(f["check"])
    return list(groups.values())


def _percent(part: int, whole: int) -> int:
    return int(100 * part / whole) if whole else 0  # floor: 99% until really done


def _day_of(stamp: str | None) -> date | None:
    """The UTC calendar date of a stored ISO timestamp (a fallback when no local date)."""
    if not stamp:
        return None
    try:
        return datetime.fromisoformat(stamp.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


# ---------------------------------------------------------------------------- results.json
def build_results(context: dict[str, Any]) -> dict[str, Any]:
    """The machine-readable twin of the report (schema ``RESULTS_SCHEMA_VERSION``)."""
    overall = context["overall"]
    streak = context["streak"]
    katas = [k for ch in context["chapters"] for k in ch["katas"]]
    if context["all_done"]:
        status = "pass"
    elif any(k["status"] in (Status.FAILING, Status.REGRESSED) for k in katas):
        status = "fail"
    else:
        status = "in_progress"
    return {
        "schema_version": RESULTS_SCHEMA_VERSION,
        "generator": "numkata",
        "generated_at": context["generated_at"].isoformat(timespec="seconds"),
        "today": context["today"].isoformat(),
        "status": status,
        "overall": {
            "katas_total": overall["total"],
            "mastered": overall["mastered"],
            "mastered_percent": overall["percent"],
            "regressed": overall["regressed"],
            "failing": overall["failing"],
            "not_attempted": overall["not_attempted"],
            "graded_attempts": overall["attempts"],
            "runs": overall["runs"],
            "active_days": overall["active_days"],
            "streak": {"current": streak.current, "best": streak.best,
                       "last_active": _iso(streak.last_active)},
        },
        "last_run": {"grading_seed": overall["last_run"].get("grading_seed"),
                     "sandbox": overall["last_run"].get("sandbox")},
        "unlock_rule": context["unlock_rule"],
        "next_kata": context["next_kata"]["id"] if context["next_kata"] else None,
        "chapters": [
            {"id": ch["id"], "title": ch["title"], "unlocked": ch["unlocked"],
             "mastered": ch["mastered"], "total": ch["total"],
             "locked_message": ch["locked_message"]}
            for ch in context["chapters"]
        ],
        "katas": [
            {"id": k["id"], "chapter": k["id"].split("/", 1)[0], "title": k["title"],
             "type": k["type"], "difficulty": k["difficulty"],
             "status": k["status"].value, "locked": k["locked"],
             "attempts": k["attempts"], "runs": k["runs"], "versions": k["versions"],
             "versions_exact": k["versions_exact"], "hints_used": k["hints_used"],
             "first_mastered": _iso(k["first_mastered"]),
             "last_attempt": _iso(k["last_attempt"]),
             "failing_checks": [{"check": f["check"], "message": f["message"]}
                                for f in k["failures"]]}
            for k in katas
        ],
    }


# ---------------------------------------------------------------------------- rendering
@functools.lru_cache(maxsize=1)
def environment():
    import jinja2

    from .template_cache import TemplateCache, cache_folder

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        bytecode_cache=TemplateCache(cache_folder(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["day"] = _format_day
    env.filters["plural"] = _plural
    return env


def load_templates() -> None:
    """Load every template of the report into ``environment()`` (a warm process does this
    once, so the runs it forks render without loading any; an edited template is still
    noticed, by its modification time, and loaded again)."""
    env = environment()
    for name in env.list_templates():
        env.get_template(name)


def _format_day(value: date | None, empty: str = "-") -> str:
    if value is None:
        return empty
    return f"{value.day} {charts.MONTHS[value.month - 1]} {value.year}"


def _plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"


def render_html(context: dict[str, Any]) -> str:
    return environment().get_template("report.html.j2").render(**context)


def write_atomic(path: Path, text: str, newline: str = "\n") -> None:
    """Write ``text`` to ``path`` whole or not at all (a temporary file, then a rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_report(home: Path, catalogue: Catalogue | None = None, *,
                 output: Path | None = None, today: date | None = None) -> Path:
    """Write ``report.html`` (``output``, default ``home/report.html``) and ``results.json``
    beside it from the progress store in ``home``; return the report's path.

    A missing store gives an empty but valid report, and no database is created. Raises
    ``progress.store.StoreError`` when the store exists but cannot be used (busy, newer schema).
    """
    home = Path(home)
    catalogue = catalogue if catalogue is not None else packs.catalogue_for()
    today = today or _today()
    output = Path(output) if output is not None else home / REPORT_NAME
    context = build_context(catalogue, read_store(home), today)
    html = render_html(context)
    results = build_results(context)
    write_atomic(output, html)
    write_atomic(output.with_name(RESULTS_NAME),
                  json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    return output
