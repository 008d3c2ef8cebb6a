"""The helpers hidden checks use: messages, tolerances, named mistakes, unchanged inputs."""

from __future__ import annotations

import decimal
import math
import types

import numpy as np
import pytest

from pytest_numkata.checking import (
    KataFailure, LearnerCrash, answer, answer_entries, call, expect_close, expect_equal,
    expect_raises, expect_same_float, is_close,
)


def test_a_passing_comparison_formats_nothing(monkeypatch):
    import pytest_numkata.checking as checking

    def boom(*a, **k):
        raise AssertionError("formatted on the hot path")

    monkeypatch.setattr(checking, "describe_call", boom)
    call(lambda x: x, np.arange(5.0))
    expect_close(np.arange(5.0), np.arange(5.0))


def test_a_failure_says_what_was_called_returned_and_expected():
    def f(x):
        return float(np.sum(x)) + 1

    with pytest.raises(KataFailure) as info:
        expect_close(call(f, [1.0, 2.0]), 3.0, rtol=1e-12, mistakes={"added one": 4.0})
    text = str(info.value)
    assert "f([1.0, 2.0])" in text and "returned  4.0" in text and "expected  3.0" in text
    assert "likely mistake: added one" in text


def test_a_missing_return_is_named():
    with pytest.raises(KataFailure, match="return"):
        expect_close(call(lambda x: None, 1.0), 1.0)


def test_an_in_place_change_shows_the_arguments_as_passed():
    def scale(x):
        x *= 2
        return x

    with pytest.raises(KataFailure) as info:
        call(scale, np.array([1.0, 2.0]), unchanged=True)
    assert "[1., 2.]" in str(info.value) and "in place" in str(info.value)


def test_learner_exceptions_and_exits_become_crashes():
    with pytest.raises(LearnerCrash, match="ZeroDivisionError"):
        call(lambda: 1 / 0)
    import sys

    with pytest.raises(LearnerCrash, match="SystemExit"):
        call(lambda: sys.exit(0))


def test_answers_must_be_numbers_unless_told_otherwise():
    assert answer(types.SimpleNamespace(ANSWER=decimal.Decimal("0.5"))) == 0.5
    with pytest.raises(KataFailure, match="should be a number"):
        answer(types.SimpleNamespace(ANSWER="3.4e38"))
    with pytest.raises(KataFailure, match="should be a number"):
        answer(types.SimpleNamespace(ANSWER=True))
    assert answer(types.SimpleNamespace(ANSWER=(1, 2)), kinds=(tuple,)) == (1, 2)


def test_answer_entries_need_the_right_count_and_numbers_unless_told_otherwise():
    kata = types.SimpleNamespace(ANSWER=[1.5, math.inf])
    assert answer_entries(kata, 2, "(a, b)") == [1.5, math.inf]
    with pytest.raises(KataFailure, match=r"should hold 3 entries \(a, b, c\), but it holds 2"):
        answer_entries(kata, 3, "(a, b, c)")
    with pytest.raises(KataFailure, match="should be a tuple or list"):
        answer_entries(types.SimpleNamespace(ANSWER=1.5), 1, "(a)")
    flag = types.SimpleNamespace(ANSWER=(True, 0.5))
    with pytest.raises(KataFailure, match=r"every entry of ANSWER \(ok, rho\) should be a number"):
        answer_entries(flag, 2, "(ok, rho)")
    assert answer_entries(flag, 2, "(ok, rho)", numbers_only=False) == (True, 0.5)


def test_closeness_rules():
    assert is_close(1.0, 1.0 + 1e-12, rtol=1e-9)
    assert not is_close(1.0, 1.1, rtol=1e-9)
    assert is_close(math.inf, math.inf) and not is_close(math.inf, 1e308)
    assert is_close(math.nan, math.nan) and not is_close(0.0, math.nan)
    assert not is_close([1.0, 2.0], [1.0, 2.0, 3.0])
    assert not is_close(np.array([1.0]), 1.0)  # a number is expected as a number
    assert is_close(np.float32(0.5), 0.5)


def test_exact_floats_tell_the_sign_of_zero():
    expect_same_float(-0.0, -0.0)
    with pytest.raises(KataFailure, match="sign"):
        expect_same_float(0.0, -0.0)


def test_exact_equality_does_not_confuse_bools_and_ints():
    expect_equal((False, 2), (False, 2))
    with pytest.raises(KataFailure):
        expect_equal(1, True)


def test_expect_raises():
    expect_raises(ValueError, lambda: int("x"))
    with pytest.raises(KataFailure, match="expected  ValueError"):
        expect_raises(ValueError, lambda: 3)
