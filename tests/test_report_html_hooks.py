"""pytest-html integration: the mastery summary, each row's kata id and type, and katas not
attempted counted as skipped, not failed."""

from __future__ import annotations

import html
import re
from types import SimpleNamespace

import pytest

from pytest_numkata.report import html_hooks, write_report
from tests.conftest import committed_reference, pristine_stub

pytest.importorskip("pytest_html")

# Until the lead registers html_hooks in plugin.py, the kata tree's conftest does it.
CONFTEST = """\
import pytest_numkata.report.html_hooks as html_hooks

def pytest_configure(config):
    if (config.pluginmanager.get_plugin("numkata-session") is not None
            and not config.pluginmanager.is_registered(html_hooks)):
        config.pluginmanager.register(html_hooks, "numkata-html-test")
"""


def test_html_report_carries_mastery_and_kata_columns(kata_tree):
    kata_tree.copy_tree("reference", ["ch00"], into="katas")
    (kata_tree.path / "conftest.py").write_text(CONFTEST)
    write_report(kata_tree.home)  # the lead writes it after each run; the summary links it
    out = kata_tree.path / "out.html"
    result = kata_tree.run(f"--html={out}", "--self-contained-html")
    assert result.ret == 0, result.stdout.str()
    # the rows live in a JSON blob inside the page: undo both escapings
    text = html.unescape(out.read_text(encoding="utf-8")).replace('\\"', '"')
    assert "numkata mastery" in text
    assert "katas mastered" in text
    assert (kata_tree.home / "report.html").as_uri() in text
    assert 'data-column-type="kata"' in text and 'data-column-type="kataType"' in text
    assert 'class="col-kata">ch00/fp32_max<' in text
    assert 'class="col-kataType">Derive<' in text


def html_counts(text: str) -> dict[str, int]:
    """pytest-html's outcome counts, e.g. {"failed": 1, "skipped": 4, ...}."""
    return {outcome: int(n) for outcome, n in
            re.findall(r'<span class="(\w+)">(\d+) [A-Za-z ]+,?</span>', text)}


def test_not_attempted_katas_are_skipped_not_failed(kata_tree):
    """The terminal says 1 passed kata, 1 failed, 5 not attempted; pytest-html agrees."""
    (kata_tree.path / "conftest.py").write_text(CONFTEST)
    for kata_id in ("ch00/fp32_max", "ch00/machine_epsilon", "ch00/fp16_65536",
                    "ch00/bf16_integers", "ch00/format_choice", "ch00/spacing_1024",
                    "ch00/decode_float"):
        kata_tree.write(kata_id, pristine_stub(kata_id))  # the pristine stubs
    kata_tree.write("ch00/fp32_max", committed_reference("ch00/fp32_max"))
    kata_tree.write("ch00/machine_epsilon", "ANSWER = 0.5\n")  # attempted, wrong
    out = kata_tree.path / "out.html"
    result = kata_tree.run(f"--html={out}", "--self-contained-html", "katas/ch00")
    from .conftest import outcomes

    terminal = outcomes(result)
    assert terminal.get("not attempted") == 5 and terminal.get("failed", 0) >= 1, terminal
    text = out.read_text(encoding="utf-8")
    counts = html_counts(text)
    assert counts["failed"] == terminal["failed"], (counts, terminal)
    assert counts["skipped"] == terminal["not attempted"] + terminal.get("skipped", 0), counts
    assert counts["passed"] == terminal["passed"]
    rows = html.unescape(text).replace('\\"', '"')
    assert "5 checks belong to katas not attempted yet: listed as Skipped below" in rows
    # and the progress store still records them as not attempted, not as skipped or passed
    from pytest_numkata.progress.store import ProgressStore

    with ProgressStore(kata_tree.home) as store:
        states = store.states()
    assert states["ch00/decode_float"].last_outcome == "not_attempted"
    assert states["ch00/machine_epsilon"].last_outcome == "failed"
    assert states["ch00/fp32_max"].last_outcome == "passed"


def test_the_hooks_are_an_object_registered_per_config(kata_tree):
    (kata_tree.path / "conftest.py").write_text(CONFTEST + """
def pytest_sessionstart(session):
    from pytest_numkata.report import html_hooks
    hooks = session.config.pluginmanager.get_plugin(html_hooks.HOOKS_PLUGIN)
    assert isinstance(hooks, html_hooks.HtmlHooks) and hooks.config is session.config
    assert not hasattr(html_hooks, "_config")
    print("numkata-html-hooks registered")
""")
    kata_tree.write("ch00/fp32_max", committed_reference("ch00/fp32_max"))
    result = kata_tree.run("-s", "katas/ch00/fp32_max.py")
    assert result.ret == 0, result.stdout.str()
    result.stdout.fnmatch_lines(["*numkata-html-hooks registered*"])


def hooks(plugin=None, htmlpath=None) -> html_hooks.HtmlHooks:
    config = SimpleNamespace(pluginmanager=SimpleNamespace(get_plugin=lambda name: plugin),
                             getoption=lambda name: htmlpath)
    return html_hooks.HtmlHooks(config)


def test_row_hook_without_a_kata_leaves_empty_cells():
    cells = ["<td>r</td>", "<td>id</td>", "<td>d</td>", "<td>l</td>"]
    report = SimpleNamespace(user_properties=[], nodeid="tests/test_x.py::test_y")
    hooks().pytest_html_results_table_row(report, cells)
    assert cells[2:4] == ['<td class="col-kata"></td>', '<td class="col-kataType"></td>']


def test_row_hook_escapes_and_reads_user_properties():
    cells = ["a", "b"]
    report = SimpleNamespace(user_properties=[("numkata_kata", "ch00/<x>")], nodeid="n")
    hooks().pytest_html_results_table_row(report, cells)
    assert cells[2] == '<td class="col-kata">ch00/&lt;x&gt;</td>'


def test_summary_hook_without_numkata_does_nothing():
    prefix: list = []
    config = SimpleNamespace(pluginmanager=SimpleNamespace(get_plugin=lambda name: None))
    hooks().pytest_html_results_summary(prefix, [], [], SimpleNamespace(config=config))
    assert prefix == []


def test_summary_hook_with_an_empty_home(tmp_path):
    from pytest_numkata.progress.store import DB_NAME

    plugin = SimpleNamespace(home=tmp_path, catalogue=None)
    config = SimpleNamespace(pluginmanager=SimpleNamespace(get_plugin=lambda name: plugin))
    prefix: list = []
    hooks(plugin).pytest_html_results_summary(prefix, [], [], SimpleNamespace(config=config))
    assert len(prefix) == 1 and "0 of" in prefix[0]
    assert not (tmp_path / DB_NAME).exists()


def test_a_not_attempted_call_report_reads_skipped_only_during_its_teardown():
    """What pytest-html sees, and what every other reader of the report sees afterwards."""
    html_plugin = object()
    h = hooks(html_plugin, htmlpath="out.html")
    call = SimpleNamespace(nodeid="k::c", when="call", outcome="failed",
                           user_properties=[("numkata_state", "not_attempted")])
    teardown = SimpleNamespace(nodeid="k::c", when="teardown", outcome="passed",
                               user_properties=[])
    seen = []
    for report in (call, teardown):
        gen = h.pytest_runtest_logreport(report)
        next(gen)  # the other plugins' hooks run here
        seen.append(call.outcome)
        with pytest.raises(StopIteration):
            gen.send(None)
    assert seen == ["failed", "skipped"] and call.outcome == "failed"
    # without pytest-html, or when it writes no report, nothing is touched
    for h in (hooks(None, htmlpath="out.html"), hooks(html_plugin, htmlpath=None)):
        gen = h.pytest_runtest_logreport(call)
        next(gen)
        assert h._not_attempted == {}
