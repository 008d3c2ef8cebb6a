"""Compiled report templates are kept between runs as Python keeps bytecode
(pytest_numkata/report/template_cache.py): used when the template is unchanged, compiled again
when it changed or the entry is damaged, never written where it must not be."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import jinja2
import pytest

from pytest_numkata.report import TEMPLATES, environment
from pytest_numkata.report.template_cache import TemplateCache, cache_folder


def _env(templates: Path, cache: Path) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)),
                              bytecode_cache=TemplateCache(cache), autoescape=True)


class Compiles:
    """Counts the templates an environment compiles from source."""

    def __init__(self, env: jinja2.Environment, monkeypatch):
        self.count = 0
        original = env.compile

        def counting(*args, **kwargs):
            self.count += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(env, "compile", counting)


@pytest.fixture
def templates(tmp_path) -> Path:
    folder = tmp_path / "pkg" / "templates"
    folder.mkdir(parents=True)
    (folder / "page.html.j2").write_text("<p>{{ who }} has {{ n }} katas</p>\n")
    return folder


def test_an_unchanged_template_is_not_compiled_again(templates, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    cache = tmp_path / "cache"
    first = _env(templates, cache)
    counted = Compiles(first, monkeypatch)
    assert first.get_template("page.html.j2").render(who="ada", n=3) == "<p>ada has 3 katas</p>"
    assert counted.count == 1 and len(list(cache.glob("*.jinja2"))) == 1
    again = _env(templates, cache)
    counted = Compiles(again, monkeypatch)
    assert again.get_template("page.html.j2").render(who="<b>", n=1) == \
        "<p>&lt;b&gt; has 1 katas</p>"
    assert counted.count == 0


def test_an_edited_template_or_a_damaged_entry_is_compiled_again(templates, tmp_path,
                                                                   monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    cache = tmp_path / "cache"
    _env(templates, cache).get_template("page.html.j2")
    (templates / "page.html.j2").write_text("<p>{{ who }} edited</p>\n")
    edited = _env(templates, cache)
    counted = Compiles(edited, monkeypatch)
    assert edited.get_template("page.html.j2").render(who="bo") == "<p>bo edited</p>"
    assert counted.count == 1
    [entry] = cache.glob("*.jinja2")
    for damage in (b"", b"not jinja", entry.read_bytes()[:20]):
        entry.write_bytes(damage)
        damaged = _env(templates, cache)
        counted = Compiles(damaged, monkeypatch)
        assert damaged.get_template("page.html.j2").render(who="cy") == "<p>cy edited</p>"
        assert counted.count == 1
    assert [p.name for p in cache.iterdir()] == [entry.name]  # rewritten whole, no leftovers


def test_nothing_is_written_without_bytecode_or_where_writing_fails(templates, tmp_path,
                                                                      monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    cache = tmp_path / "cache"
    assert _env(templates, cache).get_template("page.html.j2").render(who="a", n=0)
    assert not cache.exists()
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would be")
    assert _env(templates, blocker / "cache").get_template("page.html.j2").render(who="a", n=0)
    if os.geteuid() != 0:  # root writes anywhere
        readonly = tmp_path / "readonly"
        readonly.mkdir(mode=0o500)
        assert _env(templates, readonly).get_template("page.html.j2").render(who="a", n=0)
        assert list(readonly.iterdir()) == []


def test_the_cache_is_kept_like_pythons_own_bytecode(templates, monkeypatch):
    monkeypatch.setattr(sys, "pycache_prefix", None)
    assert cache_folder(templates) == templates.parent / "__pycache__" / "templates.jinja2"
    monkeypatch.setattr(sys, "pycache_prefix", "/tmp/prefix")
    assert cache_folder(templates) == \
        Path("/tmp/prefix", *templates.parent.parts[1:], "templates.jinja2")


def test_the_report_lists_only_its_templates_once_they_are_cached():
    env = environment()
    env.get_template("report.html.j2")
    assert isinstance(env.bytecode_cache, TemplateCache)
    assert TEMPLATES not in env.bytecode_cache.folder.parents
    names = env.list_templates()
    assert names and all(name.endswith(".j2") for name in names)


def test_a_warm_process_loads_the_templates_once_and_notices_an_edit(templates, tmp_path,
                                                                      monkeypatch):
    """``load_templates`` (run by the warm processes of watch and the fork servers) leaves
    every template loaded: the runs they fork render without compiling or reading one, unless
    the template was edited since."""
    from pytest_numkata import report

    env = _env(templates, tmp_path / "cache")
    monkeypatch.setattr(report, "environment", lambda: env)
    (templates / "other.css.j2").write_text("p { color: {{ colour }} }\n")
    report.load_templates()
    counted = Compiles(env, monkeypatch)
    reads = []
    original = env.bytecode_cache.load_bytecode
    monkeypatch.setattr(env.bytecode_cache, "load_bytecode",
                        lambda bucket: (reads.append(bucket.key), original(bucket)))
    assert env.get_template("page.html.j2").render(who="x", n=2) == "<p>x has 2 katas</p>"
    assert env.get_template("other.css.j2").render(colour="red") == "p { color: red }"
    assert counted.count == 0 and reads == []
    page = templates / "page.html.j2"
    stat = page.stat()
    page.write_text("<p>{{ who }} edited</p>\n")
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))
    assert env.get_template("page.html.j2").render(who="y") == "<p>y edited</p>"
    assert counted.count == 1 and len(reads) == 1
