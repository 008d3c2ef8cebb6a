"""pytest-html hooks: the mastery summary on top of ``pytest --html=FILE``'s report, and each
row's kata id and type.

Register this module only inside kata trees (the numkata session plugin is then registered as
``numkata-session``). Every hook is optional: without pytest-html they are never called.
All markup comes from ``templates/pytest_html.html.j2`` (autoescaped).
"""

from __future__ import annotations

from pathlib import Path

import pytest

SESSION_PLUGIN = "numkata-session"
KATA_KEY = "numkata_kata"  # grading.KATA_KEY: the user_properties entry naming an item's kata

_config: pytest.Config | None = None


def _snippets():
    from . import environment

    return environment().get_template("pytest_html.html.j2").module


def _session_plugin(config: pytest.Config | None):
    if config is None:
        return None
    return config.pluginmanager.get_plugin(SESSION_PLUGIN)


def _catalogue(plugin):
    catalogue = getattr(plugin, "catalogue", None)
    if catalogue is None:
        from .. import catalogue as catalogue_mod

        catalogue = catalogue_mod.load()
    return catalogue


def kata_of_report(report, plugin=None) -> str | None:
    """The kata id of a report: from its user_properties, else from its node id."""
    for entry in getattr(report, "user_properties", None) or ():
        if isinstance(entry, (tuple, list)) and len(entry) == 2 and entry[0] == KATA_KEY:
            return str(entry[1])
    finder = getattr(plugin, "kata_for_nodeid", None)
    if finder is not None:
        try:
            return finder(report.nodeid)
        except Exception:  # a report of something that is not a kata at all
            return None
    return None


def pytest_configure(config: pytest.Config) -> None:
    global _config
    _config = config


def pytest_unconfigure(config: pytest.Config) -> None:
    global _config
    if _config is config:
        _config = None


@pytest.hookimpl(optionalhook=True)
def pytest_html_results_table_header(cells: list) -> None:
    snippets = _snippets()
    cells.insert(2, str(snippets.type_header_cell()))
    cells.insert(2, str(snippets.header_cells()))


@pytest.hookimpl(optionalhook=True)
def pytest_html_results_table_row(report, cells: list) -> None:
    plugin = _session_plugin(_config)
    kata_id = kata_of_report(report, plugin)
    kata = _catalogue(plugin).by_id.get(kata_id) if kata_id else None
    snippets = _snippets()
    cells.insert(2, str(snippets.type_cell(kata.type if kata else None)))
    cells.insert(2, str(snippets.kata_cell(kata_id)))


@pytest.hookimpl(optionalhook=True)
def pytest_html_results_summary(prefix: list, summary: list, postfix: list, session) -> None:
    plugin = _session_plugin(session.config)
    home = getattr(plugin, "home", None)
    if plugin is None or home is None:
        return
    from . import REPORT_NAME, build_context
    from ..progress import StoreError
    from .data import read_store

    try:
        data = read_store(home)
    except StoreError:
        return  # the terminal summary already says why the store cannot be read
    from . import _today

    context = build_context(_catalogue(plugin), data, _today())
    report = Path(getattr(plugin, "report_path", None) or home / REPORT_NAME)
    uri = report.resolve().as_uri() if report.exists() else None
    prefix.append(str(_snippets().summary(context, uri)))
