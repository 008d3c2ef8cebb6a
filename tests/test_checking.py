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


# ---------------------------------------------------------------------------------- answers


def test_how_far_says_direction_and_size_without_the_value():
    from pytest_numkata.checking import how_far

    assert how_far(1.5, 1.0) == "is too large by about 50%"
    assert how_far(0.001, 1.0) == "is too small by a factor of about 1,000"
    assert how_far(2e12, 1.0) == "is too large by a factor of about 10**12"
    assert how_far(-1.0, 1.0) == "has the wrong sign"
    assert how_far(float(2**128), float(np.finfo(np.float32).max)) == (
        "is too large: right to about 7 significant digits")
    assert how_far(float(2**128), float(np.finfo(np.float32).max), rtol=1e-8) == (
        "is too large: right to about 7 significant digits, the kata asks for 9")
    assert how_far(math.inf, 1.0) == "is infinite, but the answer is finite"
    assert how_far(math.nan, 1.0) == "is nan, not a number"


def test_an_answer_failure_names_the_mistake_but_not_the_expected_value():
    from pytest_numkata.checking import expect_answer_close

    expected = float(np.finfo(np.float32).max)
    with pytest.raises(KataFailure) as info:
        expect_answer_close(2.0**128, expected, rtol=1e-8,
                            mistakes={"one past the largest": 2.0**128})
    text = str(info.value)
    assert "likely mistake: one past the largest" in text and "too large" in text
    assert repr(expected) not in text and "3.40282346" not in text
    assert "within 1e-08 relative" in text


def test_an_answer_tuple_failure_names_the_wrong_entries_only():
    from pytest_numkata.checking import expect_answer_close

    with pytest.raises(KataFailure) as info:
        expect_answer_close((1.0, 30.0), (1.0, 20.0), rtol=1e-9, names=("a", "b"))
    text = str(info.value)
    assert "ANSWER[1] (b) is too large by about 50%" in text
    assert "ANSWER[0]" not in text and "20.0" not in text and "(entry 0 is right)" in text


def test_an_answer_mapping_or_string_failure_does_not_show_the_right_string():
    from pytest_numkata.checking import expect_answer_equal

    with pytest.raises(KataFailure) as info:
        expect_answer_equal({"job": "FP16", "other": "FP32"}, {"job": "BF16", "other": "FP32"})
    text = str(info.value)
    assert "ANSWER['job'] is not right" in text and "BF16" not in text
    with pytest.raises(KataFailure) as info:
        expect_answer_equal("FP16", "BF16", entry="job")
    assert "BF16" not in str(info.value)
    expect_answer_equal((1, "a"), [1, "a"])  # a list where a tuple is expected is the same answer


def test_an_answer_float_failure_tells_the_sign_of_zero():
    from pytest_numkata.checking import expect_answer_same_float

    with pytest.raises(KataFailure) as info:
        expect_answer_same_float(0.0, -0.0)
    assert "wrong sign" in str(info.value)
    expect_answer_same_float(math.nan, math.nan)
