"""pytest-html integration: the mastery summary and each row's kata id and type."""

from __future__ import annotations

import html
from types import SimpleNamespace

import pytest

from pytest_numkata.report import html_hooks, write_report

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


def test_row_hook_without_a_kata_leaves_empty_cells():
    cells = ["<td>r</td>", "<td>id</td>", "<td>d</td>", "<td>l</td>"]
    report = SimpleNamespace(user_properties=[], nodeid="tests/test_x.py::test_y")
    html_hooks.pytest_html_results_table_row(report, cells)
    assert cells[2:4] == ['<td class="col-kata"></td>', '<td class="col-kataType"></td>']


def test_row_hook_escapes_and_reads_user_properties():
    cells = ["a", "b"]
    report = SimpleNamespace(user_properties=[("numkata_kata", "ch00/<x>")], nodeid="n")
    html_hooks.pytest_html_results_table_row(report, cells)
    assert cells[2] == '<td class="col-kata">ch00/&lt;x&gt;</td>'


def test_summary_hook_without_numkata_does_nothing():
    prefix: list = []
    config = SimpleNamespace(pluginmanager=SimpleNamespace(get_plugin=lambda name: None))
    html_hooks.pytest_html_results_summary(prefix, [], [], SimpleNamespace(config=config))
    assert prefix == []


def test_summary_hook_with_an_empty_home(tmp_path):
    from pytest_numkata.progress import DB_NAME

    plugin = SimpleNamespace(home=tmp_path, catalogue=None)
    config = SimpleNamespace(pluginmanager=SimpleNamespace(get_plugin=lambda name: plugin))
    prefix: list = []
    html_hooks.pytest_html_results_summary(prefix, [], [], SimpleNamespace(config=config))
    assert len(prefix) == 1 and "0 of" in prefix[0]
    assert not (tmp_path / DB_NAME).exists()
