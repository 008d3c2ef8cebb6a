"""End to end: a real headless Chromium opens report.html, logs no console message, and its
screenshots at phone and desktop width are not blank.

Console errors are detected by launching Chromium with ``--enable-logging=stderr --v=0``: it
then writes every console message of the page (``console.error``, uncaught exceptions, blocked
loads) to stderr as ``INFO:CONSOLE:<line>] "<message>", source: <url>``. A control page that
does log an error proves the detector sees such lines on this Chromium. The screenshots are
decoded with the standard library (zlib, struct) to check their pixels vary.

Headless Chromium lays a page out at least 500 px wide whatever ``--window-size`` says, so
the page is measured and photographed inside an ``<iframe>`` of exactly the width wanted. The
measuring is a script added to a copy of the report (the report itself has none): it reports
the page's height and width, elements that stick out to the right, text cut off in a table
cell or a failure message, and SVG labels outside their drawing, to the outer page by
``postMessage``; ``--dump-dom`` then prints it.

Without Chromium the tests skip, except when the ``CI`` environment variable is set: then
they fail. ``NUMKATA_CHROMIUM`` names another binary; ``NUMKATA_SCREENSHOTS`` keeps the PNGs
in that directory for a human to look at.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import zlib
from collections import Counter
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from pytest_numkata.packs import catalogue as catalogue_mod
from pytest_numkata.progress.store import Attempt, Failure, ProgressStore
from pytest_numkata.report import write_report

from .test_report import make_catalogue

pytestmark = pytest.mark.slow  # starts a browser

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--hide-scrollbars", "--enable-logging=stderr", "--v=0")
CONSOLE_LINE = re.compile(r":CONSOLE[:(]\d+\)?\]\s*(.*)")
TODAY = date(2025, 3, 10)


def find_chromium() -> str | None:
    named = os.environ.get("NUMKATA_CHROMIUM")
    if named:
        return named if Path(named).exists() else shutil.which(named)
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


@pytest.fixture(scope="module")
def chromium() -> str:
    found = find_chromium()
    if found is None:
        reason = ("chromium not found (apt-get install chromium, or set NUMKATA_CHROMIUM): "
                  "the browser test of report.html cannot run")
        if os.environ.get("CI"):
            pytest.fail(f"CI is set and {reason}")
        pytest.skip(reason)
    return found


def run_chromium(binary: str, profile: Path, url: str, *extra: str) -> subprocess.CompletedProcess:
    profile.mkdir(parents=True, exist_ok=True)
    return subprocess.run([binary, *FLAGS, f"--user-data-dir={profile}", *extra, url],
                          capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL)


def console_messages(stderr: str) -> list[str]:
    return [m.group(1) for m in map(CONSOLE_LINE.search, stderr.splitlines()) if m]


# ---------------------------------------------------------------------------- PNG, by hand
def decode_png(data: bytes, max_rows: int | None = None) -> tuple[int, int, int, list[bytes]]:
    """(width, height, bytes per pixel, rows) of an 8-bit non-interlaced PNG; only the first
    ``max_rows`` rows are decoded when given (pure Python is slow on big screenshots)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, []
    width = height = channels = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and interlace == 0, (depth, interlace)
            channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
        elif kind == b"IDAT":
            idat.append(body)
    raw = zlib.decompress(b"".join(idat))
    stride, bpp = width * channels, channels
    rows, previous = [], bytearray(stride)
    for y in range(height if max_rows is None else min(height, max_rows)):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif kind == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, previous))
        elif kind == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 255
        elif kind == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = previous[i]
                c = previous[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def pixel_stats(path: Path, max_rows: int = 700) -> tuple[int, int, Counter, list[bytes]]:
    width, height, channels, rows = decode_png(path.read_bytes(), max_rows)
    colours: Counter = Counter()
    for row in rows[::4]:  # every fourth row is plenty to tell a page from a blank
        for x in range(0, width * channels, channels * 2):
            colours[row[x:x + 3]] += 1
    return width, height, colours, rows


def test_png_decoder_on_a_known_image(tmp_path):
    # a 2x2 RGB image with Sub and Up filters, built by hand
    raw = b"\x01" + bytes([10, 20, 30, 5, 5, 5]) + b"\x02" + bytes([1, 1, 1, 1, 1, 1])
    def chunk(kind, body):
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    assert decode_png(png) == (2, 2, 3, [bytes([10, 20, 30, 15, 25, 35]),
                                         bytes([11, 21, 31, 16, 26, 36])])


# ---------------------------------------------------------------------------- the report
@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("home")
    tz = timezone(timedelta(hours=2))
    with ProgressStore(home) as store:
        for n in range(40, 0, -1):
            if n % 3 == 0:
                continue
            moment = datetime.combine(TODAY - timedelta(days=n), datetime.min.time(), tz)
            attempts = [Attempt("ch00/a", "passed" if n < 30 else "failed", 0.1, 3)]
            if n < 20:
                attempts.append(Attempt("ch00/b", "passed" if n < 10 else "failed", 0.1, 3))
            if n < 5:
                attempts.append(Attempt("ch01/c", "failed", 0.1, 3, (
                    Failure("check_overflow[1000]", "assert inf == 1000.69\n <b>not bold</b>"),
                    Failure("check_shape", "expected shape (3,), got (3, 1)"))))
            store.record_run(attempts, finished=moment + timedelta(hours=19))
    return write_report(home, make_catalogue(), today=TODAY)


def keep(path: Path) -> None:
    target = os.environ.get("NUMKATA_SCREENSHOTS")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(target) / path.name)


def test_the_console_detector_sees_errors(chromium, tmp_path):
    page = tmp_path / "probe.html"
    page.write_text('<!DOCTYPE html><html lang="en"><head><title>probe</title></head><body>'
                    '<script>console.error("numkata-probe")</script></body></html>')
    result = run_chromium(chromium, tmp_path / "profile", page.as_uri(), "--dump-dom")
    assert result.returncode == 0, result.stderr[-2000:]
    assert any("numkata-probe" in m for m in console_messages(result.stderr)), result.stderr


def test_chromium_loads_the_report_without_console_messages(chromium, report, tmp_path):
    result = run_chromium(chromium, tmp_path / "profile", report.as_uri(), "--dump-dom")
    assert result.returncode == 0, result.stderr[-2000:]
    assert console_messages(result.stderr) == []
    dom = result.stdout
    assert "Your mastery report" in dom
    assert "ch01/c" in dom and "check_overflow[1000]" in dom
    assert "&lt;b&gt;not bold&lt;/b&gt;" in dom  # learner text stays text in the live DOM


# ---------------------------------------------------------------------------- layout at a width
PROBE = """<script>
addEventListener('load', () => {
  const d = document.documentElement, vw = d.clientWidth;
  const hiddenOrScrolled = el => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const cs = getComputedStyle(a);
      if ((cs.overflowX === 'auto' || cs.overflowX === 'scroll')
          || (cs.position === 'absolute' && cs.clip !== 'auto')) return true;
    }
    return false;
  };
  const name = e => e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined
      ? '.' + e.className.split(' ').join('.') : '');
  const out = {height: d.scrollHeight, width: d.scrollWidth, viewport: vw};
  out.sticking_out = [...document.querySelectorAll('body *')].filter(e => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.right > vw + 0.5 && !hiddenOrScrolled(e);
  }).map(name).slice(0, 10);
  out.cut_off = [...document.querySelectorAll('.katas tbody th, .katas tbody td, pre, .ch-head > *')]
    .filter(e => e.getClientRects().length && (e.scrollWidth > e.clientWidth + 1
                                                || e.scrollHeight > e.clientHeight + 1))
    .map(e => name(e) + ': ' + e.textContent.trim().slice(0, 40)).slice(0, 10);
  out.svg_text_outside = [...document.querySelectorAll('svg text')].filter(t => {
    const s = t.ownerSVGElement.getBoundingClientRect(), r = t.getBoundingClientRect();
    return s.width > 0 && (r.left < s.left - 0.5 || r.right > s.right + 0.5
                           || r.top < s.top - 0.5 || r.bottom > s.bottom + 0.5);
  }).map(t => t.textContent);
  out.month_labels = [...document.querySelectorAll('svg.calendar text:not([text-anchor])')]
    .filter(t => t.getClientRects().length).map(t => t.textContent);
  out.chapter_rows = [...document.querySelectorAll('.chapter .ch-head')]
    .map(h => Math.round(h.querySelector('.ch-count').getBoundingClientRect().right));
  out.locked_details = [...document.querySelectorAll('details.ch-katas.locked')].map(e => e.open);
  out.open_details = [...document.querySelectorAll('details.ch-katas:not(.locked)')].map(e => e.open);
  parent.postMessage(JSON.stringify(out), '*');
});
</script>"""
FRAME = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>frame</title>
<style>body {{ margin: 0; }} iframe {{ border: 0; display: block; }}</style></head>
<body><iframe title="report" src="page.html" width="{width}" height="{height}"></iframe>
<pre id="out"></pre>
<script>addEventListener('message', e => {{ document.getElementById('out').textContent = e.data; }});</script>
</body></html>"""


def framed(report: Path, folder: Path, width: int, height: int, probe: bool) -> Path:
    """An outer page holding a copy of ``report`` in an iframe ``width`` px wide."""
    folder.mkdir(parents=True, exist_ok=True)
    text = report.read_text(encoding="utf-8")
    if probe:
        text = text.replace("</body>", PROBE + "</body>")
    (folder / "page.html").write_text(text, encoding="utf-8")
    outer = folder / "outer.html"
    outer.write_text(FRAME.format(width=width, height=height), encoding="utf-8")
    return outer


def layout(chromium: str, report: Path, folder: Path, width: int) -> dict:
    outer = framed(report, folder, width, 900, probe=True)
    result = run_chromium(chromium, folder / "profile", outer.as_uri(), "--window-size=1300,900",
                          "--virtual-time-budget=5000", "--dump-dom")
    assert result.returncode == 0, result.stderr[-2000:]
    found = re.search(r'<pre id="out">(.*?)</pre>', result.stdout, re.S)
    assert found and found.group(1), f"the probe did not answer: {result.stdout[-2000:]}"
    measured = json.loads(html_unescape(found.group(1)))
    assert measured["viewport"] == width, measured  # the iframe gives the exact width
    return measured


def html_unescape(text: str) -> str:
    import html

    return html.unescape(text)


def screenshot(chromium: str, report: Path, folder: Path, width: int, height: int) -> Path:
    outer = framed(report, folder, width, height, probe=False)
    shot = folder / f"{report.parent.name}-{width}.png"
    result = run_chromium(chromium, folder / "profile", outer.as_uri(),
                          f"--window-size={width},{height}", f"--screenshot={shot}")
    assert result.returncode == 0 and shot.exists(), result.stderr[-2000:]
    keep(shot)
    return shot


@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
def test_screenshot_is_not_blank(chromium, report, tmp_path, width):
    result = run_chromium(chromium, tmp_path / "profile", report.as_uri(),
                          f"--window-size={width},1400", "--dump-dom")
    assert result.returncode == 0 and console_messages(result.stderr) == []
    shot = screenshot(chromium, report, tmp_path / "shot", width, 1400)
    w, h, colours, rows = pixel_stats(shot)
    assert (w, h) == (width, 1400)
    total = sum(colours.values())
    common = colours.most_common(1)[0][1]
    assert len(colours) > 50, "the screenshot has almost no distinct colours"
    assert common / total < 0.8, "one colour fills the screenshot"
    # the header band is dark (white text on indigo), the page below it light
    top = rows[20][30 * 3:30 * 3 + 3]
    assert sum(top) < 3 * 128, f"expected the dark header at the top, got {tuple(top)}"


# ---------------------------------------------------------------------------- a learner's first hour
FIRST_DAY = date(2026, 12, 1)  # a Tuesday: December starts in the calendar's last column
LONG_MESSAGE = ("log_sum_exp(x=array([1000.0, 1000.0, -1e308, 3.0])) returned inf; expected a "
                "finite value. Likely mistake: exp(x) overflows above about 709.78.\n"
                + "more detail " * 40 + "\nthe-last-words-of-the-message")


@pytest.fixture(scope="module")
def first_hour(tmp_path_factory) -> Path:
    """The real catalogue after one day: ch00 mastered over 12 runs of a few versions each,
    the first kata of ch01 failing nine checks with one long message and one other, the rest
    of ch01 untouched, ten chapters locked."""
    home = tmp_path_factory.mktemp("first-hour")
    cat = catalogue_mod.load()
    ch00, ch01 = cat.chapters[0].katas, cat.chapters[1].katas
    tz = timezone(timedelta(hours=1))
    with ProgressStore(home) as store:
        for run in range(12):
            moment = datetime.combine(FIRST_DAY, datetime.min.time(), tz) + timedelta(
                hours=9, minutes=4 * run)
            attempts = [Attempt(k.id, "passed" if run >= i + 2 else "failed", 0.1, 5,
                                () if run >= i + 2 else (Failure("check_value", "too large"),),
                                source_sha256=f"{i:032d}{min(run, i + 2) // 3:032d}")
                        for i, k in enumerate(ch00)]
            attempts.append(Attempt(ch01[0].id, "failed", 0.1, 10, tuple(
                Failure(f"check_overflow[{j}]", LONG_MESSAGE) for j in range(9)) + (
                Failure("check_shape", "expected shape (3,), got (3, 1)"),),
                source_sha256=f"{run // 3:064d}"))
            attempts += [Attempt(k.id, "not_attempted") for k in ch01[1:]]
            store.record_run(attempts, finished=moment)
    return write_report(home, cat, today=FIRST_DAY)


# Measured on a report like the first-hour one (Chromium 156): about 3,900 px at 1280 and 5,800 px
# at 390; before locked chapters were collapsed and the phone layout compacted, 10,670 and 25,239.
MAX_HEIGHT = {1280: 5000, 390: 7500}


@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
def test_first_hour_layout(chromium, first_hour, tmp_path, width):
    m = layout(chromium, first_hour, tmp_path / "probe", width)
    assert m["width"] <= width, f"the page scrolls sideways: {m}"
    assert m["sticking_out"] == [], m["sticking_out"]
    assert m["cut_off"] == [], m["cut_off"]  # nothing clipped, no inner scroll box
    assert m["svg_text_outside"] == [], m["svg_text_outside"]
    assert m["month_labels"][-1] == "Dec"
    assert m["height"] < MAX_HEIGHT[width], m["height"]
    # every chapter row ends its count at the same right edge, however its title wraps
    assert len(set(m["chapter_rows"])) == 1, m["chapter_rows"]
    assert m["locked_details"] == [False] * 10 and m["open_details"] == [True, True]
    shot = screenshot(chromium, first_hour, tmp_path / "shot", width, m["height"])
    w, h, colours, _ = pixel_stats(shot, max_rows=200)
    assert (w, h) == (width, m["height"]) and len(colours) > 20


def test_first_hour_shows_every_failure_message_whole(chromium, first_hour, tmp_path):
    result = run_chromium(chromium, tmp_path / "profile", first_hour.as_uri(), "--dump-dom")
    assert result.returncode == 0 and console_messages(result.stderr) == []
    dom = result.stdout
    assert dom.count("the-last-words-of-the-message") == 1  # nine checks, one message shown
    assert "(9 checks, one message)" in dom
    assert "1 more failing check, 1 other message" in dom
    assert "All of your history so far is from one day" in dom and "<polyline" not in dom
