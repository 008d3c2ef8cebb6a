"""Root conftest of the kata tree.

numkata is a pytest plugin registered through the ``pytest11`` entry point once the project is
installed (``pip install -e .``). A fresh clone run without installing (for example with
``PYTHONPATH=.``) has no entry point: this file then registers the same plugin module under the
same name, so it is never registered twice, and ``-p no:numkata`` still turns it off.
"""

import pytest_numkata.plugin as _numkata_plugin


def pytest_addhooks(pluginmanager):
    if pluginmanager.has_plugin("numkata") or pluginmanager.is_blocked("numkata"):
        return
    # registered from here, numkata missed pytest_load_initial_conftests: guard now, before
    # pytest descends into the kata tree
    from pathlib import Path

    from pytest_numkata.judge.conftest_guard import guard_kata_tree

    guard_kata_tree(pluginmanager, Path(__file__).parent / "katas")
    if pluginmanager.is_registered(_numkata_plugin):
        return
    pluginmanager.register(_numkata_plugin, "numkata")


def pytest_addoption(parser, pluginmanager):
    # with -p no:numkata the plugin's ini keys are unknown to pytest, which would warn about
    # each of them in pyproject.toml: declare them here instead
    if pluginmanager.is_blocked("numkata"):
        parser.addini("numkata_katas", "kata tree (numkata is off for this run)", default="")
        parser.addini("numkata_reference", "solved reference tree", default="reference")
