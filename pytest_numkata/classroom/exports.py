"""Files for spreadsheets and grading systems, from the gradebook: ``grades.csv``, ``lms.csv``
and ``gradescope/<learner>.json``; ``write_outputs`` also writes the HTML (class_report).

Every file is written to a temporary name and renamed, so a reader never sees half a file.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ..packs.catalogue import Catalogue
from .names import safe_filename


def write_atomic(path: Path, text: str) -> None:
    """The report's atomic write, with the text's own line endings (CSV writes CRLF)."""
    from ..report import write_atomic as report_write_atomic

    report_write_atomic(path, text, newline="")


def class_table(book, names: list[str], kata_ids: list[str]):
    """(learner rows, {learner: {kata: grade row}}) for the learners of this SUBMISSIONS."""
    wanted = set(names)
    learners = [row for row in book.learners() if row["learner"] in wanted]
    grades: dict[str, dict[str, dict]] = {row["learner"]: {} for row in learners}
    for g in book.grades():
        if g["learner"] in grades and g["kata"] in kata_ids:
            grades[g["learner"]][g["kata"]] = g
    return learners, grades


def _cell(value):
    """Text a spreadsheet would run as a formula (=, +, -, @ first) is quoted with '."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _csv(rows: list[list]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows([[_cell(v) for v in row] for row in rows])
    return buffer.getvalue()


def grades_csv(learners, grades, catalogue: Catalogue, kata_ids: list[str],
               chapters: list[str]) -> str:
    header = ["learner", *kata_ids, "mastered", *chapters, "note"]
    rows = [header]
    for learner in learners:
        name = learner["learner"]
        mine = grades[name]
        verdicts = [mine[k]["verdict"] if k in mine else "missing" for k in kata_ids]
        mastered = [k for k in kata_ids if k in mine and mine[k]["verdict"] == "mastered"]
        per_chapter = [sum(1 for k in mastered if k.startswith(ch + "/")) for ch in chapters]
        note = learner["note"] if learner["status"] == "graded" else \
            f"{learner['status']}: {learner['note']}"
        rows.append([name, *verdicts, len(mastered), *per_chapter, note])
    return _csv(rows)


def lms_csv(learners, kata_ids: list[str]) -> str:
    rows = [["learner", "score", "max_score", "percent", "status", "note"]]
    total = len(kata_ids)
    for learner in learners:
        score = learner["mastered"]
        rows.append([learner["learner"], score, total,
                     f"{100 * score / total:.1f}" if total else "0.0",
                     learner["status"], learner["note"]])
    return _csv(rows)


def gradescope_json(learner: dict, mine: dict[str, dict], catalogue: Catalogue,
                    kata_ids: list[str]) -> str:
    """Gradescope's autograder results.json: one test per kata, one point for mastered."""
    tests = []
    for kata_id in kata_ids:
        kata = catalogue.by_id[kata_id]
        row = mine.get(kata_id)
        verdict = row["verdict"] if row else "missing"
        lines = [f"{verdict}"]
        if row and row["checks_total"]:
            lines[0] += f" ({row['checks_passed']} of {row['checks_total']} checks passed)"
        for f in (row["failures"] if row else []):
            lines.append(f"- {f['check']}:\n{f['message']}")
        tests.append({
            "name": f"{kata_id}: {kata.title}",
            "number": kata_id,
            "score": 1 if verdict == "mastered" else 0,
            "max_score": 1,
            "status": "passed" if verdict == "mastered" else "failed",
            "output": "\n".join(lines),
            "tags": [kata.chapter, kata.type],
            "visibility": "visible",
        })
    output = f"{learner['mastered']} of {len(kata_ids)} katas mastered."
    if learner["status"] != "graded":
        output += f" {learner['status']}: {learner['note']}"
    if learner["ignored"]:
        output += f" {len(learner['ignored'])} files were ignored (see the feedback page)."
    data = {
        "score": sum(t["score"] for t in tests),
        "max_score": len(kata_ids),
        "output": output,
        "visibility": "visible",
        "stdout_visibility": "hidden",
        "execution_time": round(learner["duration"], 3),
        "tests": tests,
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def write_outputs(out: Path, book, catalogue: Catalogue, names: list[str],
                  chapters: list[str], skipped: list[tuple[str, str]],
                  multi_answer: dict[str, bool] | None = None) -> dict[str, Path]:
    from . import class_report

    kata_ids = [k.id for k in catalogue.katas if k.chapter in chapters]
    learners, grades = class_table(book, names, kata_ids)
    written: dict[str, Path] = {}
    written["grades"] = out / "grades.csv"
    write_atomic(written["grades"], grades_csv(learners, grades, catalogue, kata_ids, chapters))
    written["lms"] = out / "lms.csv"
    write_atomic(written["lms"], lms_csv(learners, kata_ids))
    for learner in learners:
        name = safe_filename(learner["learner"])
        write_atomic(out / "gradescope" / f"{name}.json",
                     gradescope_json(learner, grades[learner["learner"]], catalogue, kata_ids))
        write_atomic(out / "feedback" / f"{name}.html",
                     class_report.feedback_html(learner, grades[learner["learner"]], catalogue,
                                                kata_ids))
    written["class_report"] = out / "class-report.html"
    write_atomic(written["class_report"],
                 class_report.class_html(learners, grades, catalogue, kata_ids, chapters,
                                         skipped, multi_answer=multi_answer))
    return written
