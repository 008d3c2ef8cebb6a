"""Across the real judge/learner boundary: large arrays (their data travels out of band, after
the msgpack body) with in-place changes, views and results seen exactly as before, and a
kata's functions looked up once."""

from __future__ import annotations

import numpy as np
import pytest

from pytest_numkata.sandbox.proxy import LearnerModule, LearnerSession

SOURCE = """
import numpy as np

def doubles_in_place(x):
    x *= 2
    return float(x[0])

def sets_one_entry(items):
    items[1][12_345] = -1.0
    return None

def reads_only(x, y=None):
    return float(x.sum() + (0.0 if y is None else y.sum()))

def as_square(x):
    return x.reshape(1000, 1000)

def fresh(x):
    return np.sqrt(np.abs(x))
"""


@pytest.fixture(scope="module")
def kata(tmp_path_factory):
    path = tmp_path_factory.mktemp("large") / "kata.py"
    path.write_text(SOURCE)
    session = LearnerSession(source_path=path, display=path.name, module_name="large_kata",
                             want="reads_only", timeout=60, memory_mb=1024, checks=1)
    session.load()
    yield LearnerModule(session)
    session.close()


BIG = 1_000_000


def test_an_in_place_change_to_a_large_array_reaches_the_judge(kata):
    x = np.arange(BIG, dtype=np.float64)
    assert kata.doubles_in_place(x) == 0.0
    assert np.array_equal(x, 2 * np.arange(BIG))


def test_one_changed_entry_inside_a_list_reaches_the_judge(kata):
    items = [np.zeros(BIG), np.zeros(BIG)]
    kata.sets_one_entry(items)
    assert items[1][12_345] == -1.0 and np.count_nonzero(items[1]) == 1
    assert not items[0].any()


def test_unchanged_large_arguments_stay_the_judges_own(kata):
    x, y = np.ones(BIG), np.full(BIG, 0.5)
    before = x.__array_interface__["data"][0]
    assert kata.reads_only(x, y=y) == 1.5 * BIG
    assert x.__array_interface__["data"][0] == before and np.all(x == 1) and np.all(y == 0.5)


def test_a_view_of_a_large_argument_is_a_view_on_the_judges_side(kata):
    x = np.random.default_rng(3).standard_normal(BIG)
    square = kata.as_square(x)
    assert np.shares_memory(square, x) and np.array_equal(square, x.reshape(1000, 1000))


def test_a_large_result_arrives_whole_and_writable(kata):
    x = np.random.default_rng(4).standard_normal((1000, 1000)).astype(np.float32)
    got = kata.fresh(x)
    assert got.dtype == np.float32 and got.shape == (1000, 1000)
    assert np.array_equal(got, np.sqrt(np.abs(x))) and not np.shares_memory(got, x)
    got[0, 0] = 7.0


def test_a_function_is_looked_up_once_and_called_by_name(kata, monkeypatch):
    session = object.__getattribute__(kata, "_session")
    sent = []
    request = session._request
    monkeypatch.setattr(session, "_request", lambda message, **kw: (
        sent.append(message[0]), request(message, **kw))[1])
    x = np.ones(3)
    for _ in range(5):
        assert kata.reads_only(x) == 3.0
    assert sent == ["get"] + ["call"] * 5 or sent == ["call"] * 5  # no "get" before each call
    with pytest.raises(AttributeError):
        kata.not_defined_here
    with pytest.raises(AttributeError):
        kata.not_defined_here
    assert sent[-2:] == ["get", "get"]  # what is missing is asked again
