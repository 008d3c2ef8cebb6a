"""A pytest plugin that ``grade_one`` loads into a grading run (``-p``): every check's report,
as it arrives, becomes one JSON line in the file ``NUMKATA_GRADE_LOG`` names. A run stopped at
the submission's time limit writes no results.json; this log still tells which katas had
finished, so only the others are "timed out"."""

from __future__ import annotations

import json
import os

from ..packs.catalogue import id_of_relpath

ENV = "NUMKATA_GRADE_LOG"


def pytest_runtest_logreport(report) -> None:
    path = os.environ.get(ENV)
    if not path:
        return
    props = [[k, v] for k, v in (getattr(report, "user_properties", None) or ())
             if isinstance(v, (str, int, float, bool)) or v is None]
    line = {"nodeid": report.nodeid, "when": report.when, "outcome": report.outcome,
            "duration": getattr(report, "duration", 0.0) or 0.0, "props": props,
            "text": (report.longreprtext or "")[:4000] if report.failed else ""}
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(line) + "\n")


def finished_katas(path: str) -> dict[str, dict]:
    """Per kata whose checks all reported (or one failed) before the run stopped: its outcome,
    checks total/failed and failures, in the progress store's terms."""
    from types import SimpleNamespace

    from ..judge.verdicts import Verdicts as Grader

    def kata_of(nodeid: str) -> str | None:
        file = nodeid.split("::", 1)[0]
        parts = file.split("/")
        if len(parts) >= 4 and parts[-4] == "katas" and parts[-1].endswith(".py"):
            return id_of_relpath("/".join(parts[-3:]))  # a qualified pack's kata
        if len(parts) >= 3 and parts[-1].endswith(".py"):
            return f"{parts[-2]}/{parts[-1][:-3]}"
        return None

    grader = Grader(kata_of)
    try:
        with open(path, encoding="utf-8") as handle:
            lines = handle.readlines()
    except OSError:
        return {}
    for text in lines:
        try:
            row = json.loads(text)
        except ValueError:  # the line being written when the run was killed
            continue
        grader.add_report(SimpleNamespace(
            nodeid=row["nodeid"], when=row["when"], duration=row["duration"],
            user_properties=[tuple(p) for p in row["props"]], longreprtext=row["text"],
            failed=row["outcome"] == "failed", passed=row["outcome"] == "passed"))
    return {a.kata: {"outcome": a.outcome, "checks_total": a.checks_total,
                     "duration": a.duration,
                     "checks_failed": len(a.failures),
                     "failures": [{"check": f.check, "message": f.message} for f in a.failures]}
            for a in grader.attempts()}
