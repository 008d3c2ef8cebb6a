"""The mastery report: content from seeded progress stores, geometry, escaping, validity."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import html5lib
import pytest

from pytest_numkata.packs.catalogue import Catalogue, Chapter, Kata
from pytest_numkata.progress.outcomes import Status
from pytest_numkata.progress.standing import UNLOCK_RULE
from pytest_numkata.progress.store import DB_NAME, Attempt, Failure, ProgressStore
from pytest_numkata.report import (RESULTS_SCHEMA_VERSION, build_context, build_results,
                                   render_html, write_report)
from pytest_numkata.report import charts
from pytest_numkata.report.data import aggregate_rows, read_store
from pytest_numkata.report.streaks import compute_streak

UTC = timezone.utc
NEW_YORK = timezone(timedelta(hours=-5))
TOKYO = timezone(timedelta(hours=9))
TODAY = date(2025, 3, 10)


def make_catalogue() -> Catalogue:
    def kata(kid, kind="Build", difficulty="easy"):
        return Kata(kid, kind, f"Title of {kid}", difficulty, ("h1", "h2"))

    return Catalogue((
        Chapter("ch00", "Floating point", (kata("ch00/a", "Derive"), kata("ch00/b", "Trace"))),
        Chapter("ch01", "Cancellation", (kata("ch01/c", "Build", "medium"),
                                          kata("ch01/d", "Debug", "hard"))),
        Chapter("ch02", "Linear algebra", (kata("ch02/e", "Design"),)),
    ))


def at(day: date, hour: int = 12, tz=UTC) -> datetime:
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=tz)


def passed(kata: str) -> Attempt:
    return Attempt(kata, "passed", 0.1, 3)


def failed(kata: str, *messages: str) -> Attempt:
    messages = messages or ("assert 1 == 2",)
    return Attempt(kata, "failed", 0.1, 3,
                   tuple(Failure(f"check_{i}", m) for i, m in enumerate(messages)))


def seed(home: Path, runs) -> None:
    with ProgressStore(home) as store:
        for moment, attempts in runs:
            store.record_run(attempts, finished=moment)


def context_for(home: Path, today: date = TODAY, catalogue=None):
    return build_context(catalogue or make_catalogue(), read_store(home), today)


def parse_strict(text: str) -> None:
    html5lib.HTMLParser(strict=True).parse(text)


def katas_by_id(context):
    return {k["id"]: k for ch in context["chapters"] for k in ch["katas"]}


# ---------------------------------------------------------------------------- streaks
class TestStreak:
    def test_no_days(self):
        s = compute_streak([], TODAY)
        assert (s.current, s.best, s.last_active) == (0, 0, None)

    def test_today_only(self):
        s = compute_streak([TODAY], TODAY)
        assert (s.current, s.best, s.at_risk) == (1, 1, False)

    def test_ending_yesterday_is_still_current(self):
        days = [TODAY - timedelta(days=n) for n in (1, 2, 3)]
        s = compute_streak(days, TODAY)
        assert (s.current, s.best, s.at_risk) == (3, 3, True)
        assert s.current_start == TODAY - timedelta(days=3)

    def test_gap_of_a_day_breaks_it(self):
        days = [TODAY - timedelta(days=n) for n in (2, 3, 4, 5)]
        s = compute_streak(days, TODAY)
        assert (s.current, s.best) == (0, 4)
        assert s.last_active == TODAY - timedelta(days=2)

    def test_best_is_an_older_run(self):
        old = [TODAY - timedelta(days=n) for n in range(20, 27)]  # 7 days
        s = compute_streak(old + [TODAY - timedelta(days=1), TODAY], TODAY)
        assert (s.current, s.best) == (2, 7)

    def test_duplicates_and_order_do_not_matter(self):
        days = [TODAY, TODAY - timedelta(days=1), TODAY, TODAY - timedelta(days=1)]
        assert compute_streak(days, TODAY).current == 2

    def test_a_day_after_today_extends_rather_than_breaks(self):
        # a learner who flew west: the store holds "tomorrow" for the clock passed in
        days = [TODAY - timedelta(days=1), TODAY, TODAY + timedelta(days=1)]
        assert compute_streak(days, TODAY).current == 3

    def test_month_and_year_boundaries(self):
        days = [date(2024, 12, 30), date(2024, 12, 31), date(2025, 1, 1)]
        assert compute_streak(days, date(2025, 1, 2)).current == 3


class TestStreakFromStore:
    def test_local_dates_not_utc(self, tmp_path):
        # 23:30 in New York is already the next day in UTC: the streak follows the learner.
        d1, d2 = date(2025, 3, 8), date(2025, 3, 9)
        seed(tmp_path, [
            (datetime(2025, 3, 8, 23, 30, tzinfo=NEW_YORK), [failed("ch00/a")]),
            (datetime(2025, 3, 9, 23, 30, tzinfo=NEW_YORK), [passed("ch00/a")]),
        ])
        data = read_store(tmp_path)
        assert set(data.days) == {d1, d2}
        ctx = context_for(tmp_path, today=date(2025, 3, 10))
        assert (ctx["streak"].current, ctx["streak"].best) == (2, 2)
        assert ctx["streak"].at_risk
        # in UTC those runs were on the 9th and 10th; the first-mastered date is local too
        assert katas_by_id(ctx)["ch00/a"]["first_mastered"] == d2

    def test_east_of_utc(self, tmp_path):
        # 08:00 in Tokyo on the 10th is still the 9th in UTC
        seed(tmp_path, [
            (datetime(2025, 3, 9, 8, 0, tzinfo=TOKYO), [passed("ch00/a")]),
            (datetime(2025, 3, 10, 8, 0, tzinfo=TOKYO), [passed("ch00/b")]),
        ])
        ctx = context_for(tmp_path, today=date(2025, 3, 10))
        assert ctx["streak"].current == 2 and not ctx["streak"].at_risk

    def test_not_attempted_runs_do_not_count(self, tmp_path):
        seed(tmp_path, [
            (at(TODAY - timedelta(days=1)), [Attempt("ch00/a", "not_attempted")]),
            (at(TODAY), [Attempt("ch00/a", "not_attempted")]),
        ])
        ctx = context_for(tmp_path)
        assert ctx["streak"].current == 0
        assert ctx["overall"]["attempts"] == 0

    def test_several_runs_a_day_are_one_day(self, tmp_path):
        seed(tmp_path, [(at(TODAY, h), [failed("ch00/a")]) for h in (8, 12, 20)])
        ctx = context_for(tmp_path)
        assert ctx["streak"].current == 1
        assert ctx["overall"]["attempts"] == 3
        assert ctx["calendar"].cells[-1].count == 3


# ---------------------------------------------------------------------------- report content
@pytest.fixture
def history(tmp_path):
    """ch00 mastered (b regressed later), ch01/c failing, ch01/d untouched, ch02 locked."""
    t = TODAY
    seed(tmp_path, [
        (at(t - timedelta(days=6)), [failed("ch00/a"), Attempt("ch00/b", "not_attempted")]),
        (at(t - timedelta(days=5)), [passed("ch00/a"), failed("ch00/b")]),
        (at(t - timedelta(days=5), 18), [passed("ch00/b")]),
        (at(t - timedelta(days=2)), [failed("ch00/b", "b broke <again> & again"),
                                     failed("ch01/c", "first <em>try</em>")]),
        (at(t - timedelta(days=1)), [failed("ch01/c", "overflow: <script>alert(1)</script>",
                                            "shape mismatch")]),
    ])
    with ProgressStore(tmp_path) as store:
        store.record_hint("ch01/c")
        store.record_hint("ch01/c")
    return tmp_path


def test_statuses_attempts_and_dates(history):
    ctx = context_for(history)
    k = katas_by_id(ctx)
    assert k["ch00/a"]["status"] == "mastered"
    assert k["ch00/b"]["status"] == "regressed"
    assert k["ch01/c"]["status"] == "failing"
    assert k["ch01/d"]["status"] is Status.NOT_ATTEMPTED
    assert k["ch01/d"]["status"].label == "not attempted"
    assert k["ch02/e"]["status"] is Status.NOT_ATTEMPTED and k["ch02/e"]["locked"]
    assert k["ch00/a"]["attempts"] == 2
    assert k["ch00/b"]["attempts"] == 3  # the not-attempted run is not a graded attempt
    assert k["ch00/a"]["first_mastered"] == TODAY - timedelta(days=5)
    assert k["ch00/b"]["first_mastered"] == TODAY - timedelta(days=5)
    assert k["ch01/c"]["first_mastered"] is None
    assert k["ch01/c"]["hints_used"] == 2
    assert k["ch00/a"]["type"] == "Derive" and k["ch01/c"]["difficulty"] == "medium"


def test_failing_checks_are_the_last_failing_run(history):
    k = katas_by_id(context_for(history))
    assert [f["check"] for f in k["ch01/c"]["failures"]] == ["check_0", "check_1"]
    assert k["ch01/c"]["failures"][0]["message"] == "overflow: <script>alert(1)</script>"
    assert k["ch01/c"]["failure_day"] == TODAY - timedelta(days=1)
    assert k["ch00/b"]["failures"][0]["message"] == "b broke <again> & again"
    assert k["ch00/a"]["failures"] == []  # a mastered kata shows no old failures


def test_overall_chapters_and_unlock_rule(history):
    ctx = context_for(history)
    o = ctx["overall"]
    assert (o["total"], o["mastered"], o["percent"]) == (5, 2, 40)
    assert (o["regressed"], o["failing"], o["not_attempted"]) == (1, 1, 2)
    chapters = {c["id"]: c for c in ctx["chapters"]}
    assert chapters["ch00"]["unlocked"] and chapters["ch00"]["complete"]
    assert chapters["ch01"]["unlocked"] and not chapters["ch01"]["complete"]
    assert not chapters["ch02"]["unlocked"] and chapters["ch02"]["is_next_locked"]
    assert chapters["ch02"]["locked_message"] == "ch02 locked - master ch01 first: 2 of 2 katas left"
    assert ctx["next_kata"]["id"] == "ch00/b"  # regressed first, as in the terminal
    html = render_html(ctx)
    assert "ch02 locked - master ch01 first: 2 of 2 katas left" in html
    assert UNLOCK_RULE in html


def test_streak_and_calendar_in_context(history):
    ctx = context_for(history)
    assert (ctx["streak"].current, ctx["streak"].best) == (2, 2)  # days -2 and -1... and -1
    cells = {c.day: c for c in ctx["calendar"].cells}
    assert cells[TODAY - timedelta(days=5)].count == 3
    assert cells[TODAY].count == 0 and cells[TODAY].level == 0
    assert max(c.level for c in cells.values()) == 4


def test_mastery_over_time_shows_the_regression(history):
    ctx = context_for(history)
    rows = dict(ctx["chart"].rows)
    assert rows[TODAY - timedelta(days=5)] == (2, 2)  # mastered, passing
    assert rows[TODAY - timedelta(days=2)] == (2, 1)  # b regressed
    html = render_html(ctx)
    assert "Katas mastered over time" in html and "<polyline" in html


def test_html_escapes_learner_text_and_validates(history):
    html = render_html(context_for(history))
    parse_strict(html)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "first &lt;em&gt;try&lt;/em&gt;" not in html  # an older failure is not shown
    assert "b broke &lt;again&gt; &amp; again" in html
    assert "<script" not in html.lower()  # no JavaScript at all
    for needle in ("http://", "https://", "<link", "@import", "url("):
        assert needle not in html  # self-contained: nothing fetched
    assert "<th scope=\"col\">Status</th>" in html and "<h1>" in html


def test_write_report_and_results_json(history):
    path = write_report(history, make_catalogue(), today=TODAY)
    assert path == history / "report.html"
    parse_strict(path.read_text(encoding="utf-8"))
    results = json.loads((history / "results.json").read_text(encoding="utf-8"))
    assert results["schema_version"] == RESULTS_SCHEMA_VERSION
    assert results["status"] == "fail"
    assert results["overall"]["katas_total"] == 5
    assert results["overall"]["mastered"] == 2
    assert results["overall"]["streak"] == {"current": 2, "best": 2,
                                            "last_active": (TODAY - timedelta(days=1)).isoformat()}
    katas = {k["id"]: k for k in results["katas"]}
    assert list(katas) == ["ch00/a", "ch00/b", "ch01/c", "ch01/d", "ch02/e"]
    assert katas["ch00/b"]["status"] == "regressed"
    assert katas["ch01/d"]["status"] == "not_attempted"
    c = katas["ch01/c"]
    assert c["status"] == "failing" and c["attempts"] == 2 and c["hints_used"] == 2
    assert c["failing_checks"] == [
        {"check": "check_0", "message": "overflow: <script>alert(1)</script>"},
        {"check": "check_1", "message": "shape mismatch"}]
    assert katas["ch00/a"]["first_mastered"] == (TODAY - timedelta(days=5)).isoformat()
    assert results["chapters"][2]["locked_message"].startswith("ch02 locked")


def test_output_elsewhere_puts_results_beside_it(history, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "sub" / "mastery.html"
    assert write_report(history, make_catalogue(), output=out, today=TODAY) == out
    assert out.exists() and (out.parent / "results.json").exists()
    assert not (history / "report.html").exists()


def test_empty_home_gives_an_empty_valid_report_without_creating_a_store(tmp_path):
    path = write_report(tmp_path, make_catalogue(), today=TODAY)
    assert not (tmp_path / DB_NAME).exists()
    html = path.read_text(encoding="utf-8")
    parse_strict(html)
    assert "Nothing graded yet" in html
    results = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert results["overall"]["mastered"] == 0
    assert results["overall"]["streak"]["current"] == 0
    assert results["status"] == "in_progress"
    assert [k["status"] for k in results["katas"]] == ["not_attempted"] * 5


def test_empty_catalogue_and_store(tmp_path):
    ctx = build_context(Catalogue(()), read_store(tmp_path), TODAY)
    parse_strict(render_html(ctx))
    assert build_results(ctx)["overall"]["mastered_percent"] == 0


def test_all_mastered(tmp_path):
    cat = make_catalogue()
    seed(tmp_path, [(at(TODAY), [passed(k.id) for k in cat.katas])])
    ctx = context_for(tmp_path, catalogue=cat)
    assert ctx["all_done"] and ctx["next_kata"] is None and ctx["next_locked"] is None
    assert build_results(ctx)["status"] == "pass"
    html = render_html(ctx)
    parse_strict(html)
    assert "Every kata mastered" in html


def test_katas_missing_from_the_catalogue_are_listed_not_counted(tmp_path):
    seed(tmp_path, [(at(TODAY), [passed("ch00/a"), passed("ch09/gone")])])
    ctx = context_for(tmp_path)
    assert ctx["overall"]["mastered"] == 1 and ctx["unknown_katas"] == ["ch09/gone"]
    assert "ch09/gone" in render_html(ctx)


def test_default_catalogue_renders(tmp_path):
    path = write_report(tmp_path)
    parse_strict(path.read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------- aggregation
def test_aggregate_rows_is_pure():
    rows = [  # local_date, kata, n_pass, n_fail, pass_id, fail_id, na_id
        ("2025-03-02", "k", 1, 1, 4, 3, None),
        ("2025-03-01", "k", 0, 2, None, 2, 1),
        ("2025-03-03", "k", 0, 1, None, 5, None),
        ("garbage", "k", 1, 0, 9, None, None),
    ]
    data = aggregate_rows(rows)
    h = data.katas["k"]
    assert h.graded == 5 and h.first_pass_day == date(2025, 3, 2)
    assert h.last_fail_id == 5 and h.last_failure_day == date(2025, 3, 3)
    assert h.day_end == [(date(2025, 3, 1), "failed"), (date(2025, 3, 2), "passed"),
                         (date(2025, 3, 3), "failed")]
    assert data.days == {date(2025, 3, 1): (2, 0), date(2025, 3, 2): (2, 1),
                         date(2025, 3, 3): (1, 0)}


# ---------------------------------------------------------------------------- geometry
class TestCalendar:
    def test_last_column_holds_today_and_nothing_after(self):
        cal = charts.calendar_geometry({TODAY: 2}, TODAY)  # a Monday
        assert TODAY.weekday() == 0
        assert cal.cells[-1].day == TODAY
        assert max(c.x for c in cal.cells) == cal.cells[-1].x
        assert all(c.day <= TODAY for c in cal.cells)
        assert cal.first.weekday() == 0
        assert len(cal.cells) == 25 * 7 + 1  # 26 weeks, one day of this one

    def test_span_follows_history_within_bounds(self):
        long_ago = TODAY - timedelta(days=400)
        cal = charts.calendar_geometry({long_ago: 1, TODAY: 1}, TODAY, max_weeks=53)
        assert (cal.cells[-1].day - cal.cells[0].day).days == 52 * 7
        assert cal.active_days == 1 and cal.total == 1  # the old day is outside the graph
        mid = TODAY - timedelta(days=30 * 7)
        cal = charts.calendar_geometry({mid: 1}, TODAY)
        assert cal.cells[0].day <= mid

    def test_levels(self):
        assert charts.level_of(0, 10) == 0
        assert charts.level_of(1, 10) == 1
        assert charts.level_of(10, 10) == 4
        assert charts.level_of(6, 10) == 3
        assert charts.level_of(3, 0) == 0

    def test_geometry_fits_the_box(self):
        cal = charts.calendar_geometry({TODAY - timedelta(days=n): n for n in range(90)}, TODAY)
        assert all(0 <= c.x and c.x + cal.cell <= cal.width + 1e-9 for c in cal.cells)
        assert all(0 <= c.y and c.y + cal.cell <= cal.height + 1e-9 for c in cal.cells)
        assert [m.text for m in cal.months][-1] == "Mar"


class TestLineChart:
    def test_nothing_to_draw(self):
        assert charts.mastery_chart([("m", "c", [])], 5, TODAY) is None

    def test_step_line_geometry(self):
        d0 = TODAY - timedelta(days=10)
        chart = charts.mastery_chart(
            [("m", "c", [(d0, 1), (TODAY - timedelta(days=5), 3)])], 4, TODAY,
            width=110, height=100, left=10, right=0, top=0, bottom=0)
        pts = chart.series[0].points
        # starts at the first change (value 1 from that day on: a vertical jump at x=10)
        assert pts[0] == (10.0, 100.0) and pts[1] == (10.0, 75.0)
        assert (60.0, 75.0) in pts and (60.0, 25.0) in pts
        assert pts[-1] == (110.0, 25.0) == chart.series[0].last
        assert [t.text for t in chart.y_ticks] == ["0", "1", "2", "3", "4"]
        assert chart.rows == ((d0, (1,)), (TODAY - timedelta(days=5), (3,)))

    def test_single_day(self):
        chart = charts.mastery_chart([("m", "c", [(TODAY, 1)])], 1, TODAY)
        assert chart is not None and len(chart.x_ticks) == 2

    def test_y_ticks_do_not_crowd_the_top(self):
        chart = charts.mastery_chart([("m", "c", [(TODAY, 1)])], 22, TODAY)
        assert [t.text for t in chart.y_ticks] == ["0", "5", "10", "15", "22"]

    def test_nice_step(self):
        assert [charts.nice_step(n) for n in (1, 5, 7, 12, 22, 60, 130)] == [1, 1, 2, 5, 5, 20, 50]

    def test_cumulative(self):
        assert charts.cumulative({TODAY: -1, TODAY - timedelta(days=1): 2}) == [
            (TODAY - timedelta(days=1), 2), (TODAY, 1)]


class TestMonthLabels:
    @pytest.mark.parametrize("weeks", [20, 26, 53])
    def test_every_label_lies_inside_the_calendar_and_apart(self, weeks):
        # every day of a year and a month as "today": each month starts in the last columns
        for n in range(400):
            today = date(2024, 1, 1) + timedelta(days=n)
            cal = charts.calendar_geometry({today: 1}, today, min_weeks=weeks, max_weeks=weeks)
            xs = [m.x for m in cal.months]
            assert xs and xs[0] >= 0, today
            assert xs[-1] + charts.MONTH_LABEL_WIDTH <= cal.width + 1e-9, (today, cal.months)
            assert all(b - a >= charts.MONTH_LABEL_WIDTH for a, b in zip(xs, xs[1:])), today

    def test_december_at_the_right_edge(self):
        today = date(2026, 12, 1)  # a Tuesday: December starts in the last column
        cal = charts.calendar_geometry({today: 1}, today)
        assert cal.months[-1].text == "Dec"
        assert cal.months[-1].x + charts.MONTH_LABEL_WIDTH <= cal.width


def test_bar_fills_with_mastery_only_and_failing_is_counted_beside_it(tmp_path):
    seed(tmp_path, [(at(TODAY - timedelta(days=3)), [passed("ch00/a"), passed("ch00/b")]),
                    (at(TODAY - timedelta(days=2)), [failed("ch01/c")])])
    ctx = context_for(tmp_path)
    ch01 = {c["id"]: c for c in ctx["chapters"]}["ch01"]
    assert ch01["mastered"] == 0 and ch01["counts"]["failing"] == 1
    assert ch01["segments"] == ()  # a failing kata is not drawn as progress
    assert [s.css for s in ctx["overall_segments"]] == ["mastered"]
    html = render_html(ctx)
    assert "1 failing, not mastered yet" in html
    assert "ch01 Cancellation: 0 of 2 katas mastered, 1 failing" in html  # the bar's title
    assert "regressed (mastered, failing now)" in html  # the key to the bars' colours


def test_locked_chapters_are_collapsed_and_open_ones_open(history):
    html = render_html(context_for(history))
    parse_strict(html)
    opened = re.findall(r'<details class="ch-katas( locked)?"( open)?>', html)
    assert opened == [("", " open"), ("", " open"), (" locked", "")]


def test_one_day_of_history_is_stated_not_drawn(tmp_path):
    seed(tmp_path, [(at(TODAY, 9), [failed("ch00/a")]), (at(TODAY, 10), [passed("ch00/a")])])
    ctx = context_for(tmp_path)
    assert ctx["chart_one_day"] == {"day": TODAY, "counts": [("mastered", 1), ("passing", 1)]}
    html = render_html(ctx)
    assert "<polyline" not in html and "Katas mastered over time" not in html
    assert "All of your history so far is from one day, 10 Mar 2025: 1 of 5 katas mastered" in html
    # a second day draws the line
    seed(tmp_path, [(at(TODAY + timedelta(days=1)), [passed("ch00/b")])])
    ctx = context_for(tmp_path, TODAY + timedelta(days=1))
    assert ctx["chart_one_day"] is None and "<polyline" in render_html(ctx)


def test_a_single_old_day_still_draws_up_to_today(tmp_path):
    seed(tmp_path, [(at(TODAY - timedelta(days=4)), [passed("ch00/a")])])
    ctx = context_for(tmp_path)
    assert ctx["chart_one_day"] is None and ctx["chart"] is not None


def test_versions_count_distinct_files_and_runs_count_graded_runs(tmp_path):
    def run(kata, outcome, sha):
        return Attempt(kata, outcome, 0.1, 3, source_sha256=sha)
    seed(tmp_path, [(at(TODAY - timedelta(days=1), h), [run("ch00/a", "failed", f"{h // 3:064d}")])
                    for h in range(12)])  # 12 runs of 4 versions
    seed(tmp_path, [(at(TODAY, 9), [passed("ch00/b"), run("ch01/c", "failed", "1" * 64)]),
                    (at(TODAY, 10), [failed("ch00/b"), run("ch01/c", "failed", None)]),
                    (at(TODAY, 11), [Attempt("ch00/a", "not_attempted", source_sha256="f" * 64)])])
    ctx = context_for(tmp_path)
    k = katas_by_id(ctx)
    assert (k["ch00/a"]["runs"], k["ch00/a"]["versions"], k["ch00/a"]["versions_exact"]) == (12, 4, True)
    # runs recorded without a sha256: each counts as a version, and the count is a bound
    assert (k["ch00/b"]["runs"], k["ch00/b"]["versions"], k["ch00/b"]["versions_exact"]) == (2, 2, False)
    assert (k["ch01/c"]["runs"], k["ch01/c"]["versions"], k["ch01/c"]["versions_exact"]) == (2, 2, False)
    assert (k["ch01/d"]["runs"], k["ch01/d"]["versions"], k["ch01/d"]["versions_exact"]) == (0, 0, True)
    html = render_html(ctx)
    assert '<th scope="col" class="n">Versions</th>' in html and '<th scope="col" class="n">Runs</th>' in html
    assert '<td data-label="Versions" class="n">4</td>' in html
    assert '<abbr title="at most 2: ' in html
    results = build_results(ctx)
    a = {x["id"]: x for x in results["katas"]}["ch00/a"]
    assert (a["attempts"], a["runs"], a["versions"], a["versions_exact"]) == (12, 12, 4, True)


def test_failures_with_one_message_are_grouped_and_the_rest_folded(tmp_path):
    seed(tmp_path, [(at(TODAY), [failed("ch01/c", "same", "same", "other", "same", "third")])])
    ctx = context_for(tmp_path)
    groups = katas_by_id(ctx)["ch01/c"]["failure_groups"]
    assert groups == [{"checks": ["check_0", "check_1", "check_3"], "message": "same"},
                      {"checks": ["check_2"], "message": "other"},
                      {"checks": ["check_4"], "message": "third"}]
    html = render_html(ctx)
    parse_strict(html)
    assert "(3 checks, one message)" in html
    assert "2 more failing checks, 2 other messages</summary>" in html
    assert html.count("<pre>") == 3
    assert "max-height" not in html  # no inner scroll box cuts a message off


def test_bar_segments():
    segs = charts.bar_segments([("a", "A", 1), ("b", "B", 0), ("c", "C", 2)], 4)
    assert [(s.css, s.x, s.width) for s in segs] == [("a", 0.0, 25.0), ("c", 25.0, 50.0)]
    assert charts.bar_segments([("a", "A", 1)], 0) == ()


def test_command_line(history, capsys):
    from pytest_numkata.report.__main__ import main

    assert main([str(history), "--today", TODAY.isoformat()]) == 0
    assert capsys.readouterr().out.strip() == (history / "report.html").resolve().as_uri()
    assert (history / "results.json").exists()
