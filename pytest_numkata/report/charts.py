"""Chart geometry: plain numbers for the templates to turn into SVG.

Nothing here produces markup. Every function takes data and returns coordinates, sizes and
labels in SVG user units; ``templates/_charts.html.j2`` draws them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

ONE_DAY = timedelta(days=1)
# The widest three-letter month label at the 11px axis font, in SVG units, with a margin.
MONTH_LABEL_WIDTH = 24.0
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# ---------------------------------------------------------------------------- activity calendar
@dataclass(frozen=True)
class CalendarCell:
    x: float
    y: float
    day: date
    count: int
    level: int  # 0 (no attempt) .. 4 (busiest days)


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str


@dataclass(frozen=True)
class Calendar:
    width: float
    height: float
    cell: float
    cells: tuple[CalendarCell, ...]
    months: tuple[Label, ...]
    weekdays: tuple[Label, ...]
    first: date
    last: date
    active_days: int
    total: int
    legend: tuple[tuple[float, int], ...] = ()  # (x, level), in legend order


def level_of(count: int, busiest: int) -> int:
    """0 for no attempt; otherwise 1..4 by quarter of the busiest day."""
    if count <= 0 or busiest <= 0:
        return 0
    return max(1, min(4, math.ceil(4 * count / busiest)))


def calendar_geometry(counts: Mapping[date, int], today: date, *, min_weeks: int = 26,
                      max_weeks: int = 53, cell: float = 12.0, gap: float = 3.0,
                      left: float = 30.0, top: float = 18.0) -> Calendar:
    """A contribution graph: one column a week (Monday at the top), the last column holds
    ``today``. It spans the history since the first active day, between ``min_weeks`` and
    ``max_weeks`` columns. Days after ``today`` are not drawn."""
    this_monday = today - timedelta(days=today.weekday())
    active = [d for d, n in counts.items() if n > 0 and d <= today]
    weeks = min_weeks
    if active:
        first_monday = min(active) - timedelta(days=min(active).weekday())
        weeks = max(min_weeks, (this_monday - first_monday).days // 7 + 1)
    weeks = min(weeks, max_weeks)
    start = this_monday - timedelta(weeks=weeks - 1)
    shown = {d: n for d, n in counts.items() if start <= d <= today and n > 0}
    busiest = max(shown.values(), default=0)
    step = cell + gap
    cells: list[CalendarCell] = []
    months: list[Label] = []
    previous_month = None
    for week in range(weeks):
        monday = start + timedelta(weeks=week)
        x = left + week * step
        # a month label over the first week that starts in (or holds the 1st of) a month
        month = (monday + timedelta(days=6)).month if week else monday.month
        if month != previous_month:
            if not months or x - months[-1].x >= 3 * step:
                months.append(Label(x, top - 6, MONTHS[month - 1]))
            previous_month = month
        for weekday in range(7):
            day = monday + timedelta(days=weekday)
            if day > today:
                break
            count = shown.get(day, 0)
            cells.append(CalendarCell(x, top + weekday * step, day, count,
                                      level_of(count, busiest)))
    weekdays = tuple(Label(left - 6, top + i * step + cell - 2, name)
                     for i, name in ((0, "Mon"), (2, "Wed"), (4, "Fri")))
    width = left + weeks * step - gap
    if months and months[-1].x + MONTH_LABEL_WIDTH > width:
        # the newest month starts in the last columns: end its label at the right edge
        last = months.pop()
        x = width - MONTH_LABEL_WIDTH
        if months and x - months[-1].x < MONTH_LABEL_WIDTH + gap:
            months.pop()  # the month before would now touch it; the newest one matters more
        months.append(Label(round(x, 2), last.y, last.text))
    height = top + 7 * step - gap
    return Calendar(width=width, height=height, cell=cell, cells=tuple(cells),
                    months=tuple(months), weekdays=weekdays, first=start, last=today,
                    active_days=len(shown), total=sum(shown.values()),
                    legend=tuple((i * step, i) for i in range(5)))


# ---------------------------------------------------------------------------- mastery over time
@dataclass(frozen=True)
class Tick:
    pos: float  # x for the x axis, y for the y axis
    text: str


@dataclass(frozen=True)
class Series:
    name: str
    css: str
    points: tuple[tuple[float, float], ...]
    last: tuple[float, float] | None = None


@dataclass(frozen=True)
class LineChart:
    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float
    series: tuple[Series, ...]
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    # the data as a table: (day, value of each series), for the text alternative
    rows: tuple[tuple[date, tuple[int, ...]], ...] = field(default=())


def nice_step(span: float, target: int = 5) -> int:
    """A 1-2-5 integer step giving about ``target`` intervals over ``span``."""
    if span <= target:
        return 1
    raw = span / target
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * magnitude >= raw:
            return int(factor * magnitude)
    return int(10 * magnitude)  # pragma: no cover - the loop always returns


def step_points(changes: Sequence[tuple[date, int]], start: date, end: date,
                x_of, y_of) -> tuple[tuple[float, float], ...]:
    """A step line: the value holds until the next change, then jumps."""
    points: list[tuple[float, float]] = []
    value = 0
    points.append((x_of(start), y_of(value)))
    for day, new in changes:
        if new == value:
            continue
        x = x_of(day)
        points.append((x, y_of(value)))
        points.append((x, y_of(new)))
        value = new
    points.append((x_of(end), y_of(value)))
    # drop repeated points (changes on the start day)
    out: list[tuple[float, float]] = []
    for p in points:
        if not out or out[-1] != p:
            out.append(p)
    return tuple(out)


def cumulative(changes_by_day: Mapping[date, int]) -> list[tuple[date, int]]:
    """Running totals of per-day increments, in day order."""
    total, out = 0, []
    for day in sorted(changes_by_day):
        total += changes_by_day[day]
        out.append((day, total))
    return out


def mastery_chart(series: Sequence[tuple[str, str, Sequence[tuple[date, int]]]], total: int,
                  today: date, *, width: float = 720, height: float = 240, left: float = 36,
                  right: float = 16, top: float = 14, bottom: float = 30,
                  x_ticks_wanted: int = 5) -> LineChart | None:
    """Step lines of counts over days, from the first change to ``today``.

    ``series``: (name, css class, [(day, value from that day on)]). None when nothing to draw.
    """
    days = [d for _, _, values in series for d, _ in values]
    if not days:
        return None
    start = min(days)
    end = max(max(days), today)
    if end == start:
        start = start - ONE_DAY  # give a single day some width
    span = (end - start).days
    plot_w = width - left - right
    plot_h = height - top - bottom
    y_max = max([total, 1] + [v for _, _, values in series for _, v in values])

    def x_of(day: date) -> float:
        return round(left + (day - start).days / span * plot_w, 2)

    def y_of(value: float) -> float:
        return round(top + plot_h - value / y_max * plot_h, 2)

    drawn = []
    for name, css, values in series:
        points = step_points(values, start, end, x_of, y_of)
        drawn.append(Series(name, css, points, points[-1] if points else None))
    step = nice_step(y_max)
    values = list(range(0, y_max + 1, step))
    if values[-1] != y_max:
        if len(values) > 1 and y_max - values[-1] < step / 2:
            values.pop()  # too close to the top label to read
        values.append(y_max)
    y_ticks = [Tick(y_of(v), str(v)) for v in values]
    count = min(x_ticks_wanted - 1, span)
    x_ticks = []
    for i in range(count + 1):
        day = start + timedelta(days=round(i * span / count))
        x_ticks.append(Tick(x_of(day), f"{MONTHS[day.month - 1]} {day.day}"))
    # the table: every day where any series changes
    table_days = sorted({d for _, _, values in series for d, _ in values})
    lookups = [dict(values) for _, _, values in series]
    current = [0] * len(series)
    rows = []
    for day in table_days:
        for i, lookup in enumerate(lookups):
            if day in lookup:
                current[i] = lookup[day]
        rows.append((day, tuple(current)))
    return LineChart(width=width, height=height, left=left, right=width - right, top=top,
                     bottom=height - bottom, series=tuple(drawn), x_ticks=tuple(x_ticks),
                     y_ticks=tuple(y_ticks), rows=tuple(rows))


# ---------------------------------------------------------------------------- progress bars
@dataclass(frozen=True)
class Segment:
    css: str
    label: str
    count: int
    x: float  # percent
    width: float  # percent


def bar_segments(counts: Sequence[tuple[str, str, int]], total: int) -> tuple[Segment, ...]:
    """A stacked bar in percent of ``total``: [(css class, label, count)] left to right;
    zero counts are left out."""
    out: list[Segment] = []
    x = 0.0
    for css, label, count in counts:
        if count <= 0 or total <= 0:
            continue
        width = round(100.0 * count / total, 3)
        out.append(Segment(css, label, count, round(x, 3), width))
        x += width
    return tuple(out)
