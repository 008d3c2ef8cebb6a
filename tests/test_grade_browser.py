"""class-report.html and a feedback page in real headless Chromium: no console message, the
content is in the live DOM, and screenshots at phone and desktop width are not blank. The pages
are rendered from made-up gradebook rows (no grading needed)."""

from __future__ import annotations

import random
from datetime import datetime, timezone
from pathlib import Path

import pytest

from pytest_numkata.classroom import class_report
from pytest_numkata.packs import catalogue

from .test_report_browser import (chromium, console_messages, keep, pixel_stats,  # noqa: F401
                                  run_chromium)

pytestmark = pytest.mark.slow  # grades a class and starts a browser

CAT = catalogue.load()
CHAPTERS = ["ch00", "ch01", "ch02", "ch03"]
KATAS = [k.id for k in CAT.katas if k.chapter in CHAPTERS]
MISTAKES = ["exp(1000) overflows to inf - shift by max(x) before exponentiating",
            "the exponent bias is off by one", "divides by n - 1 (sample variance)"]


def made_up_class(n: int = 40, seed: int = 3):
    rng = random.Random(seed)
    learners, grades = [], {}
    for i in range(n):
        name = f"learner-{i:02d}"
        reach = rng.randint(0, len(KATAS))
        mine = {}
        for j, kata in enumerate(KATAS):
            if j >= reach:
                verdict = rng.choice(["missing", "not attempted"])
            else:
                verdict = rng.choices(["mastered", "failing", "unreadable", "timed out"],
                                      [8, 3, 0.2, 0.2])[0]
            failures, mistakes = [], []
            if verdict == "failing":
                mistake = rng.choice(MISTAKES)
                failures = [{"check": f"check_case[{rng.randint(1, 4)}]",
                             "message": f"returned 1.0, expected 2.0\n  likely mistake: {mistake}"
                                        f"\n <b>not bold</b>"}]
                mistakes = [mistake]
            mine[kata] = {"verdict": verdict, "checks_passed": 3 if verdict == "mastered" else 1,
                          "checks_total": 3, "failures": failures, "mistakes": mistakes,
                          "sha256": f"{rng.randint(0, 3):064x}" if verdict != "missing" else None}
        grades[name] = mine
        learners.append({"learner": name, "status": "graded", "note": "", "source": f"/s/{name}",
                         "kind": "folder", "ignored": ["conftest.py: not a kata file"],
                         "mastered": sum(g["verdict"] == "mastered" for g in mine.values()),
                         "numkata_version": "0.1.0", "seed": None, "sandbox": "fork",
                         "duration": 4.2, "graded_at": "2026-11-30T10:00:00+00:00",
                         "host": "h", "katas_total": len(KATAS), "attempts": 1})
    learners[-1]["status"], learners[-1]["note"] = "bad submission", "not a readable zip archive"
    return learners, grades


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pages")
    learners, grades = made_up_class()
    when = datetime(2026, 11, 30, 10, 0, tzinfo=timezone.utc)
    html = class_report.class_html(learners, grades, CAT, KATAS, CHAPTERS,
                                   [("notes.txt", "not a folder, .zip or .tar.gz")],
                                   generated_at=when)
    (folder / "class-report.html").write_text(html, encoding="utf-8")
    first = next(le for le in learners
                 if any(g["failures"] for g in grades[le["learner"]].values()))
    (folder / "feedback").mkdir()
    (folder / "feedback" / "learner.html").write_text(
        class_report.feedback_html(first, grades[first["learner"]], CAT, KATAS),
        encoding="utf-8")
    return {"class": folder / "class-report.html",
            "feedback": folder / "feedback" / "learner.html"}


@pytest.mark.parametrize("which", ["class", "feedback"])
def test_chromium_loads_the_page_without_console_messages(chromium, pages, tmp_path, which):
    result = run_chromium(chromium, tmp_path / "profile", pages[which].as_uri(), "--dump-dom")
    assert result.returncode == 0, result.stderr[-2000:]
    assert console_messages(result.stderr) == []
    dom = result.stdout
    assert "&lt;b&gt;not bold&lt;/b&gt;" in dom or which == "class"
    if which == "class":
        for text in ("Class report", "Mastery distribution", "Named mistakes",
                     "Learners who stopped early", "Identical files", "notes.txt"):
            assert text in dom, text
    else:
        assert "Feedback for learner-" in dom and "conftest.py" in dom


@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
def test_class_report_screenshot_is_not_blank(chromium, pages, tmp_path, width):
    shot = tmp_path / f"class-report-{width}.png"
    result = run_chromium(chromium, tmp_path / "profile", pages["class"].as_uri(),
                          f"--window-size={width},1400", f"--screenshot={shot}")
    assert result.returncode == 0 and shot.exists(), result.stderr[-2000:]
    assert console_messages(result.stderr) == []
    keep(shot)
    w, h, colours, rows = pixel_stats(shot)
    assert (w, h) == (width, 1400)
    assert len(colours) > 50
    assert colours.most_common(1)[0][1] / sum(colours.values()) < 0.8
    top = rows[20][30 * 3:30 * 3 + 3]
    assert sum(top) < 3 * 128, f"expected the dark header at the top, got {tuple(top)}"
