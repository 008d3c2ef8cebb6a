"""judge/examples.py: the hypothesis profile every run grades with."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.internal.conjecture import engine

from pytest_numkata.judge import examples


def _shown_example(strategy, test) -> tuple[object, int]:
    """The example hypothesis reports for a failing ``test`` under numkata's profile, and how
    many calls it made to find and shrink it."""
    calls = []

    @settings(settings.get_profile(examples.HYPOTHESIS_PROFILE))
    @given(strategy)
    def check(value):
        calls.append(value)
        test(value)

    with pytest.raises(AssertionError):
        check()
    return calls[-1], len(calls)


@pytest.fixture
def numkata_profile(pytestconfig, monkeypatch):
    monkeypatch.setattr(engine, "MAX_SHRINKS", engine.MAX_SHRINKS)  # restored afterwards
    examples.register_hypothesis_profiles(pytestconfig)


def short_with_a_small_sum(xs):
    assert len(xs) < 3 and sum(xs) < 1000


def small_in_all(xss):
    assert sum(map(sum, xss)) < 400


def test_a_failing_example_is_still_shrunk(numkata_profile):
    shown, _ = _shown_example(st.lists(st.integers(0, 10**6), min_size=1, max_size=40),
                              short_with_a_small_sum)
    assert shown == [1000]


def test_shrinking_stops_after_max_shrinks_steps(numkata_profile, monkeypatch):
    assert engine.MAX_SHRINKS == examples.MAX_SHRINKS == 50
    nested = st.lists(st.lists(st.integers(0, 100), max_size=5), max_size=10)
    _, capped_calls = _shown_example(nested, small_in_all)
    monkeypatch.setattr(engine, "MAX_SHRINKS", 500)  # hypothesis's own cap
    _, uncapped_calls = _shown_example(nested, small_in_all)
    assert capped_calls < uncapped_calls * 0.8


def test_the_warm_up_runs_once_and_changes_no_checks_examples(numkata_profile, monkeypatch):
    def drawn():
        seen = []

        @settings(settings.get_profile(examples.HYPOTHESIS_PROFILE))
        @given(st.lists(st.floats(-10, 10), min_size=1, max_size=5), st.integers(0, 99))
        def check(xs, n):
            seen.append((xs, n))

        check()
        return seen

    monkeypatch.setattr(examples, "_warmed", False)
    before = drawn()
    examples.warm_up()
    assert examples._warmed
    assert drawn() == before
    ran = []
    monkeypatch.setattr("hypothesis.given", lambda *a, **k: ran.append(1))
    examples.warm_up()  # a second call does nothing
    assert ran == []
