"""The HTML pages of class grading: ``feedback/<learner>.html`` (one learner, the mastery
report's look) and ``class-report.html`` (the class at a glance). Both are self-contained and
need no JavaScript; they use the mastery report's stylesheet and chart macros
(``pytest_numkata/report/templates``) plus templates of their own in ``templates/``.

``class_context`` computes everything the class page shows from plain rows, so it can be tested
without rendering.
"""

from __future__ import annotations

import ast
import functools
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any

from ..packs.catalogue import Catalogue
from ..report import charts

TEMPLATES = Path(__file__).with_name("templates")

VERDICT_CSS = {"mastered": "mastered", "failing": "failing", "timed out": "regressed",
               "unreadable": "failing", "not attempted": "untouched", "missing": "untouched"}
TOP_CHECKS = 20
TOP_MISTAKES = 20


@functools.lru_cache(maxsize=1)
def environment():
    import jinja2

    from ..report import TEMPLATES as REPORT_TEMPLATES, environment as report_environment
    from ..report.template_cache import TemplateCache, cache_folder

    base = report_environment()
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(TEMPLATES)),
                                    jinja2.FileSystemLoader(str(REPORT_TEMPLATES))]),
        bytecode_cache=TemplateCache(cache_folder(TEMPLATES)),  # its own: its own loader
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True,
        lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(base.filters)
    from .names import safe_filename

    env.filters["feedback_file"] = lambda learner: f"feedback/{safe_filename(learner)}.html"
    return env


def _percent(part: int, whole: int) -> int:
    return int(100 * part / whole) if whole else 0


# ---------------------------------------------------------------------------- one learner
def feedback_context(learner: dict, mine: dict[str, dict], catalogue: Catalogue,
                     kata_ids: list[str]) -> dict[str, Any]:
    counts = Counter()
    chapters = []
    wanted = set(kata_ids)
    for chapter in catalogue.chapters:
        rows = []
        for kata in chapter.katas:
            if kata.id not in wanted:
                continue
            g = mine.get(kata.id) or {"verdict": "missing", "checks_passed": 0,
                                      "checks_total": 0, "failures": [], "mistakes": []}
            counts[g["verdict"]] += 1
            rows.append({"id": kata.id, "title": kata.title, "type": kata.type,
                         "difficulty": kata.difficulty, "verdict": g["verdict"],
                         "css": VERDICT_CSS[g["verdict"]], "checks_passed": g["checks_passed"],
                         "checks_total": g["checks_total"], "failures": g["failures"],
                         "mistakes": g["mistakes"]})
        if not rows:
            continue
        done = sum(1 for r in rows if r["verdict"] == "mastered")
        chapters.append({
            "id": chapter.id, "title": chapter.title, "katas": rows, "mastered": done,
            "total": len(rows),
            "segments": charts.bar_segments(
                [("mastered", "mastered", done),
                 ("regressed", "timed out", sum(r["verdict"] == "timed out" for r in rows)),
                 ("failing", "failing", sum(r["verdict"] in ("failing", "unreadable")
                                            for r in rows))], len(rows))})
    total = len(kata_ids)
    return {
        "title": f"numkata feedback for {learner['learner']}",
        "learner": learner, "chapters": chapters, "total": total,
        "counts": dict(counts), "percent": _percent(counts["mastered"], total),
        "segments": charts.bar_segments(
            [("mastered", "mastered", counts["mastered"]),
             ("regressed", "timed out", counts["timed out"]),
             ("failing", "failing", counts["failing"] + counts["unreadable"])], total),
        "graded_at": _parse_time(learner["graded_at"]),
    }


def feedback_html(learner: dict, mine: dict[str, dict], catalogue: Catalogue,
                  kata_ids: list[str]) -> str:
    context = feedback_context(learner, mine, catalogue, kata_ids)
    return environment().get_template("feedback.html.j2").render(**context)


def _parse_time(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return datetime.now().astimezone()


# ---------------------------------------------------------------------------- the class
def answer_is_single_number(kata, text: str | None) -> bool:
    """Whether a kata's answer is one number, so identical files say nothing: every Derive
    kata, and a Trace/Design kata whose ANSWER is not a tuple, list, set or mapping."""
    if kata.type == "Derive":
        return True
    if kata.type not in ("Trace", "Design"):
        return False
    if text is None:
        return True
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return True
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "ANSWER"
                                                for t in node.targets):
            return not isinstance(node.value, (ast.Tuple, ast.List, ast.Set, ast.Dict))
    return True


def class_context(learners: list[dict], grades: dict[str, dict[str, dict]],
                  catalogue: Catalogue, kata_ids: list[str], chapters: list[str],
                  skipped: list[tuple[str, str]], *,
                  multi_answer: dict[str, bool] | None = None,
                  generated_at: datetime | None = None) -> dict[str, Any]:
    """Everything class-report.html shows. ``multi_answer[kata]`` says whether identical files
    of that kata are worth flagging (default: every kata but Derive ones)."""
    generated_at = generated_at or datetime.now().astimezone()
    total = len(kata_ids)
    n = len(learners)
    names = [le["learner"] for le in learners]
    mastered_of = {name: sum(1 for g in grades[name].values() if g["verdict"] == "mastered")
                   for name in names}
    # distribution of mastered counts, in ten buckets of percent (or one per count if few)
    buckets = []
    if total <= 20:
        edges = [(i, i) for i in range(total + 1)]
    else:
        step = total / 10
        edges = [(int(round(i * step)) + (1 if i else 0), int(round((i + 1) * step)))
                 for i in range(10)]
    biggest = 1
    for lo, hi in edges:
        count = sum(1 for m in mastered_of.values() if lo <= m <= hi)
        biggest = max(biggest, count)
        buckets.append({"label": f"{lo}" if lo == hi else f"{lo}-{hi}", "count": count,
                        "learners": sorted(k for k, m in mastered_of.items() if lo <= m <= hi)})
    for b in buckets:
        b["width"] = round(100 * b["count"] / biggest, 1)
    # per chapter
    chapter_rows = []
    for ch in catalogue.chapters:
        if ch.id not in chapters:
            continue
        ids = [k.id for k in ch.katas if k.id in kata_ids]
        done = sum(1 for name in names for k in ids
                   if grades[name].get(k, {}).get("verdict") == "mastered")
        complete = sum(1 for name in names
                       if ids and all(grades[name].get(k, {}).get("verdict") == "mastered"
                                      for k in ids))
        rate = _percent(done, len(ids) * n)
        chapter_rows.append({"id": ch.id, "title": ch.title, "katas": len(ids), "rate": rate,
                             "complete": complete,
                             "segments": charts.bar_segments([("mastered", "mastered", done)],
                                                             len(ids) * n)})
    # per kata
    kata_rows = []
    for kata_id in kata_ids:
        kata = catalogue.by_id[kata_id]
        verdicts = Counter(grades[name].get(kata_id, {}).get("verdict", "missing")
                           for name in names)
        kata_rows.append({
            "id": kata_id, "title": kata.title, "type": kata.type,
            "mastered": verdicts["mastered"],
            "failing": verdicts["failing"] + verdicts["unreadable"] + verdicts["timed out"],
            "untouched": verdicts["not attempted"] + verdicts["missing"],
            "rate": _percent(verdicts["mastered"], n),
            "segments": charts.bar_segments(
                [("mastered", "mastered", verdicts["mastered"]),
                 ("failing", "failing", verdicts["failing"] + verdicts["unreadable"]
                  + verdicts["timed out"])], n)})
    # checks failing most, and named mistakes (each counted once per learner)
    check_learners: dict[tuple[str, str], set] = defaultdict(set)
    check_example: dict[tuple[str, str], str] = {}
    mistake_learners: dict[str, set] = defaultdict(set)
    mistake_katas: dict[str, set] = defaultdict(set)
    for name in names:
        for kata_id, g in grades[name].items():
            if g["verdict"] not in ("failing",):
                continue
            for f in g["failures"]:
                key = (kata_id, f["check"])
                check_learners[key].add(name)
                check_example.setdefault(key, f["message"])
            for m in g["mistakes"]:
                mistake_learners[m].add(name)
                mistake_katas[m].add(kata_id)
    top_checks = sorted(check_learners.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:TOP_CHECKS]
    checks = [{"kata": k, "check": c, "count": len(who), "learners": sorted(who),
               "example": _first_lines(check_example[(k, c)], 8)}
              for (k, c), who in top_checks]
    mistakes = [{"mistake": m, "count": len(who), "learners": sorted(who),
                 "katas": sorted(mistake_katas[m])}
                for m, who in sorted(mistake_learners.items(),
                                     key=lambda kv: (-len(kv[1]), kv[0]))[:TOP_MISTAKES]]
    # stopped early: nothing attempted after some kata before the last one
    order = {k: i for i, k in enumerate(kata_ids)}
    stopped = []
    for name in names:
        tried = [k for k, g in grades[name].items()
                 if g["verdict"] not in ("missing", "not attempted")]
        if not tried:
            stopped.append({"learner": name, "last": None, "left": total,
                            "mastered": mastered_of[name]})
            continue
        last = max(tried, key=lambda k: order.get(k, -1))
        left = total - 1 - order.get(last, total - 1)
        if left > 0:
            stopped.append({"learner": name, "last": last, "left": left,
                            "mastered": mastered_of[name]})
    stopped.sort(key=lambda s: (-s["left"], s["learner"]))
    # identical files across learners, per kata
    identical = []
    multi_answer = multi_answer or {}
    for kata_id in kata_ids:
        kata = catalogue.by_id[kata_id]
        if not multi_answer.get(kata_id, kata.type != "Derive"):
            continue
        by_hash: dict[str, list[str]] = defaultdict(list)
        verdict_of: dict[str, str] = {}
        for name in names:
            g = grades[name].get(kata_id)
            if g and g["sha256"] and g["verdict"] in ("mastered", "failing"):
                by_hash[g["sha256"]].append(name)
                verdict_of[g["sha256"]] = g["verdict"]
        for sha, who in sorted(by_hash.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            if len(who) > 1:
                identical.append({"kata": kata_id, "sha256": sha, "learners": sorted(who),
                                  "verdict": verdict_of[sha]})
    problems = [le for le in learners if le["status"] != "graded"]
    mean = sum(mastered_of.values()) / n if n else 0.0
    overall_done = sum(mastered_of.values())
    return {
        "title": "numkata class report",
        "generated_at": generated_at,
        "learners": n, "total": total, "chapters": chapter_rows, "katas": kata_rows,
        "mean": round(mean, 1), "mean_percent": _percent(overall_done, total * n),
        "all_mastered": sum(1 for m in mastered_of.values() if m == total and total),
        "distribution": buckets, "checks": checks, "mistakes": mistakes, "stopped": stopped,
        "identical": identical, "problems": problems, "skipped": skipped,
        "seeds": sorted({str(le["seed"]) for le in learners if le["seed"] is not None}),
        "versions": sorted({le["numkata_version"] for le in learners}),
        "segments": charts.bar_segments([("mastered", "mastered", overall_done)], total * n),
    }


def _first_lines(text: str, count: int) -> str:
    lines = (text or "").splitlines()
    return "\n".join(lines[:count]) + ("\n..." if len(lines) > count else "")


def class_html(learners, grades, catalogue: Catalogue, kata_ids: list[str],
               chapters: list[str], skipped, **kwargs) -> str:
    context = class_context(learners, grades, catalogue, kata_ids, chapters, skipped, **kwargs)
    return environment().get_template("class_report.html.j2").render(**context)
