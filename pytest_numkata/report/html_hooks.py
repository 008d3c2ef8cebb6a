"""pytest-html hooks: the mastery summary on top of ``pytest --html=FILE``'s report, each row's
kata id and type, and checks of katas not attempted listed as skipped rather than failed.

``pytest_numkata.plugin`` registers an ``HtmlHooks`` object for the run's config inside kata
trees (the numkata session plugin is then registered as ``numkata-session``), as pytest-html
registers its own report object, so no state lives at module level; registering this module
instead (from a conftest.py) registers the same object. Every pytest-html hook is optional:
without pytest-html they are never called.
All markup comes from ``templates/pytest_html.html.j2`` (autoescaped).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ..progress.outcomes import FileState

SESSION_PLUGIN = "numkata-session"
HOOKS_PLUGIN = "numkata-html-hooks"
PYTEST_HTML_PLUGIN = "html"  # pytest-html's plugin module (its entry point name)
KATA_KEY = "numkata_kata"  # grading.KATA_KEY: the user_properties entry naming an item's kata
STATE_KEY = "numkata_state"  # verdicts.STATE_KEY: a FileState on a kata whose checks did not run


def _snippets():
    from . import environment

    return environment().get_template("pytest_html.html.j2").module


def _catalogue(plugin):
    catalogue = getattr(plugin, "catalogue", None)
    if catalogue is None:
        from .. import packs

        catalogue = packs.catalogue_for()
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


def is_not_attempted(report) -> bool:
    """A failed call report of a kata the learner has not touched yet."""
    props = dict(entry for entry in getattr(report, "user_properties", None) or ()
                 if isinstance(entry, (tuple, list)) and len(entry) == 2)
    return (props.get(STATE_KEY) == FileState.NOT_ATTEMPTED
            and getattr(report, "when", None) == "call"
            and getattr(report, "outcome", None) == "failed")


class HtmlHooks:
    """numkata's pytest-html hooks for one config."""

    def __init__(self, config: pytest.Config | None):
        self.config = config
        self._not_attempted: dict[str, object] = {}  # node id -> its call report, until teardown
        self.not_attempted_shown = 0

    def _session_plugin(self):
        if self.config is None:
            return None
        return self.config.pluginmanager.get_plugin(SESSION_PLUGIN)

    def _html_active(self) -> bool:
        """pytest-html is loaded and writes a report in this run (``--html=FILE``)."""
        if self.config is None or self.config.pluginmanager.get_plugin(PYTEST_HTML_PLUGIN) is None:
            return False
        try:
            return bool(self.config.getoption("htmlpath"))
        except ValueError:
            return False

    # -------------------------------------------------------------- not attempted is not failed
    # pytest-html keeps each call report and turns it into a row, counting its outcome, when the
    # teardown report of the same test arrives. It has no hook to change that outcome, and
    # "not attempted" is not one of the outcomes it knows; so while the teardown report is being
    # handed out, a not-attempted call report reads "skipped", and afterwards "failed" again.
    # The terminal, the grader and every other plugin see the call report as it was made.
    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_logreport(self, report):
        if report.when == "call" and is_not_attempted(report) and self._html_active():
            self._not_attempted[report.nodeid] = report
        pending = self._not_attempted.pop(report.nodeid, None) if report.when == "teardown" \
            else None
        if pending is None:
            return (yield)
        pending.outcome = "skipped"
        try:
            return (yield)
        finally:
            pending.outcome = "failed"

    @pytest.hookimpl(optionalhook=True)
    def pytest_html_results_table_header(self, cells: list) -> None:
        snippets = _snippets()
        cells.insert(2, str(snippets.type_header_cell()))
        cells.insert(2, str(snippets.header_cells()))

    @pytest.hookimpl(optionalhook=True)
    def pytest_html_results_table_row(self, report, cells: list) -> None:
        plugin = self._session_plugin()
        kata_id = kata_of_report(report, plugin)
        kata = _catalogue(plugin).by_id.get(kata_id) if kata_id else None
        snippets = _snippets()
        cells.insert(2, str(snippets.type_cell(kata.type if kata else None)))
        cells.insert(2, str(snippets.kata_cell(kata_id)))
        state = dict(getattr(report, "user_properties", None) or ()).get(STATE_KEY)
        when, outcome = getattr(report, "when", None), getattr(report, "outcome", None)
        if when == "call" and outcome == "skipped" and state == FileState.NOT_ATTEMPTED:
            self.not_attempted_shown += 1

    @pytest.hookimpl(optionalhook=True)
    def pytest_html_results_summary(self, prefix: list, summary: list, postfix: list,
                                    session) -> None:
        plugin = session.config.pluginmanager.get_plugin(SESSION_PLUGIN)
        home = getattr(plugin, "home", None)
        if plugin is None or home is None:
            return
        from . import REPORT_NAME, build_context
        from ..progress.store import StoreError
        from .data import read_store

        try:
            data = read_store(home)
        except StoreError:
            return  # the terminal summary already says why the store cannot be read
        from . import _today

        context = build_context(_catalogue(plugin), data, _today())
        report = Path(getattr(plugin, "report_path", None) or home / REPORT_NAME)
        uri = report.resolve().as_uri() if report.exists() else None
        prefix.append(str(_snippets().summary(context, uri, self.not_attempted_shown)))


def pytest_configure(config: pytest.Config) -> None:
    if config.pluginmanager.get_plugin(HOOKS_PLUGIN) is None:
        config.pluginmanager.register(HtmlHooks(config), HOOKS_PLUGIN)


def pytest_unconfigure(config: pytest.Config) -> None:
    hooks = config.pluginmanager.get_plugin(HOOKS_PLUGIN)
    if hooks is not None:
        config.pluginmanager.unregister(hooks)
