"""Answer katas (Derive, Trace, Design): the grading tells right from wrong, names its mistakes,
and never gives the answer away.

Every check of an answer kata compares through ``expect_answer_close`` /
``expect_answer_equal`` / ``expect_answer_same_float``. Each test here grades ``ANSWER`` values
directly against the kata's checks module (no pytest run per value):

- the reference answer passes every check;
- every named mistake whose value the check computes is itself graded: the check must reject
  it (so the stated tolerance separates it from the right answer) and name that very mistake;
- every named mistake given as a predicate is reached by at least one wrong answer drawn from
  a generic set of wrong answers (scaled, rounded, negated, swapped entries) or from the few
  examples listed in ``PREDICATE_EXAMPLES``;
- wrong answers (the right one times 1.5, over 1000, with one entry changed, ...) fail with a
  text that does not contain the expected value in any of its usual reprs.
"""

from __future__ import annotations

import copy
import importlib
import importlib.util
import inspect
import math
import numbers
import re
import types
import warnings
from pathlib import Path

import numpy as np
import pytest

from pytest_numkata import checking
from pytest_numkata.checking import KataFailure
from pytest_numkata.packs import catalogue
from tests.conftest import pristine_stub

ROOT = Path(__file__).resolve().parent.parent
HELPERS = ("expect_answer_close", "expect_answer_equal", "expect_answer_same_float")
ANSWER_KATAS = [k for k in catalogue.load().katas if k.answers_by_constant]

# Wrong answers that reach a predicate mistake the generic wrong answers miss, as functions of
# the reference answer. Each is the mistaken value the mistake's own text describes.
def _nan_events(reference):
    from pytest_numkata.checks.ch09.nan_root_cause import EVENTS

    out = [tuple(e for e in reference if e != drop) for drop in reference]
    out += [tuple(reference) + (extra,) for extra in EVENTS if extra not in reference]
    return out


def _partial_return(terms=100, gamma=0.95):
    total, term = 0.0, 1.0
    for _ in range(terms):
        total, term = total + term, term * gamma
    return total


def _newton_to_the_root(reference):
    real_root = min(np.roots([1.0, 0.0, -2.0, 2.0]), key=lambda r: abs(r.imag)).real
    return [tuple(reference[:-1]) + (float(real_root),)]


PREDICATE_EXAMPLES = {
    "ch01/relative_error": lambda r: [2.0**-3],
    "ch01/digits_lost": lambda r: [1],
    "ch02/perturbation": lambda r: [1e-4 / 2.0001],
    "ch02/digits_from_kappa": lambda r: [(r[0], math.floor(53 * math.log10(2)) - r[0])],
    "ch04/sqrt2": lambda r: [math.sqrt(2)],
    "ch04/convergence_rate": lambda r: [1 / (2 * math.sqrt(2))],
    "ch04/newton_fails": _newton_to_the_root,
    "ch05/steps_to_converge": lambda r: [math.log(0.001) / math.log(0.8)],
    "ch06/monte_carlo_vs_trapezoid": lambda r: [math.sqrt(10**6 / 12), 10**6 / 12, 1e12],
    "ch09/bf16_accumulator": lambda r: [(0.128, r[1]), (10.0, r[1]), (r[0], 128)],
    "ch09/loss_scale": lambda r: [6.1e-5 / 3.2e-6, 2 * r, 64 * r],
    "ch09/nan_root_cause": _nan_events,
    "ch10/discounted_return": lambda r: [_partial_return()],
    "ch10/alternating_harmonic": lambda r: [math.inf],
    "ch10/radius_of_convergence": lambda r: [(1 / 3,) + tuple(r[1:]), tuple(r[:2]) + (math.inf,)],
}
# answer katas whose check grades with its own logic instead of the answer helpers
OWN_LOGIC = {"ch07/optimal_step"}


def _reference_answer(kata):
    namespace: dict = {}
    path = ROOT / "reference" / f"{kata.id}.py"
    with warnings.catch_warnings():  # a reference may round to inf on purpose
        warnings.simplefilter("ignore", RuntimeWarning)
        exec(compile(path.read_text(), str(path), "exec"), namespace)  # noqa: S102 - our own file
    return namespace["ANSWER"]


def _checks(kata):
    module = importlib.import_module(kata.checks_module)
    return module, [(name, fn) for name, fn in vars(module).items()
                    if not name.startswith("_") and inspect.isfunction(fn)
                    and fn.__module__ == module.__name__]


def _grade(kata, value, only=None):
    """{check name: failure text or None} for ANSWER = value."""
    module, checks = _checks(kata)
    checking.set_current_kata(kata.id)
    out = {}
    for name, fn in checks:
        if only and name != only:
            continue
        try:
            fn(types.SimpleNamespace(ANSWER=copy.deepcopy(value)))
        except KataFailure as failure:
            out[name] = str(failure)
        else:
            out[name] = None
    return out


def _recorded_comparisons(kata, monkeypatch, tolerances=None):
    """(check name, entry, mistakes) for every answer comparison the checks make; with a list
    ``tolerances``, (helper, rtol, atol) of each comparison is appended to it."""
    module, checks = _checks(kata)
    seen = []
    current = [None]
    for helper in HELPERS:
        if hasattr(module, helper):
            original = getattr(checking, helper)

            def recorder(actual, expected, *args, _original=original, **kwargs):
                seen.append((current[0], kwargs.get("entry"), kwargs.get("mistakes") or {}))
                if tolerances is not None:
                    tolerances.append((_original.__name__, kwargs.get("rtol"), kwargs.get("atol")))
                return _original(actual, expected, *args, **kwargs)

            monkeypatch.setattr(module, helper, recorder)
    reference = _reference_answer(kata)
    for name, fn in checks:
        current[0] = name
        fn(types.SimpleNamespace(ANSWER=copy.deepcopy(reference)))
    return seen


def _with_entry(reference, entry, value):
    if entry is None:
        if isinstance(value, np.ndarray):
            value = value.tolist()
        if isinstance(reference, tuple) and isinstance(value, list | tuple):
            return tuple(value)
        if isinstance(reference, list) and isinstance(value, list | tuple):
            return list(value)
        return value
    changed = list(reference) if isinstance(reference, tuple | list) else dict(reference)
    changed[entry] = value
    return type(reference)(changed) if isinstance(reference, tuple) else changed


def _wrong_numbers(x):
    if isinstance(x, bool):
        return [not x]
    if isinstance(x, numbers.Real) and not isinstance(x, int | float):
        x = float(x)  # a Fraction
    if not isinstance(x, int | float) or math.isnan(x):
        return []
    if math.isinf(x):
        return [1e300, -x, math.nan]
    out = [x * 1.5, x / 1000, x * 1000, -x, x * 2, x / 2, x + 1, x - 1, 0.0, math.inf, math.nan,
           x * (1 + 1e-4), x * (1 + 3e-3), x * (1 + 3e-7), float(f"{x:.3g}"), float(f"{x:.6g}"),
           1 / x if x else 1.0, x * x]
    if isinstance(x, int):
        out += [x + 1, x - 1, 2 * x, x // 2, x // 2 - 1]
    return out


def _wrong_answers(reference):
    """Generic wrong answers of the same form as ``reference``."""
    if isinstance(reference, dict):
        keys = list(reference)
        values = [reference[k] for k in keys]
        rotated = values[1:] + values[:1]
        out = [dict(zip(keys, rotated))]
        choices = sorted(set(values) | {"FP16", "BF16", "FP32"})
        for k in keys:
            for c in choices:
                if c != reference[k]:
                    out.append({**reference, k: c})
        return out
    if isinstance(reference, tuple | list):
        out = []
        if len(reference) > 1:
            out.append(type(reference)(reversed(reference)))
            out.append(type(reference)(list(reference[1:]) + [reference[0]]))
            out.append(type(reference)(reference[:-1]))
        for i, x in enumerate(reference):
            for w in _wrong_numbers(x):
                out.append(_with_entry(reference, i, w))
        if all(isinstance(x, int | float) and not isinstance(x, bool) for x in reference):
            out.append(type(reference)(x * 1.5 for x in reference))
            out.append(type(reference)(x * (1 + 1e-4) for x in reference))
        strings = [x for x in reference if isinstance(x, str)]
        if strings:
            for i, x in enumerate(reference):
                for other in sorted(set(strings) | {"converges", "diverges"}):
                    if other != x:
                        out.append(_with_entry(reference, i, other))
        return out
    return _wrong_numbers(reference)


def _differs(reference, wrong):
    try:
        return not checking._same(reference, wrong) or type(reference) is not type(wrong)
    except Exception:  # noqa: BLE001
        return True


def _reprs(value):
    """The usual ways a value shows up in text: repr, str, short_repr, a float's repr."""
    out = set()
    if isinstance(value, str):
        return {repr(value), f'"{value}"'}
    if isinstance(value, dict):
        return {repr(value), checking.short_repr(value)}
    if isinstance(value, tuple | list):
        for form in (tuple(value), list(value)):
            out |= {repr(form), checking.short_repr(form)}
        try:
            as_floats = [float(v) for v in value]
            out |= {repr(tuple(as_floats)), repr(as_floats),
                    checking.short_repr(np.array(as_floats))}
        except (TypeError, ValueError):
            pass
        return out
    if isinstance(value, bool):
        return set()
    if isinstance(value, int | float | np.number):
        f = float(value)
        out |= {repr(value), str(value), repr(f), f"{f:g}", f"{f:.3g}"}
        if math.isfinite(f) and f == int(f):
            out.add(repr(int(f)))
    return out


def _leaks(text, value):
    """The reprs of ``value`` found in ``text`` as whole tokens (not inside another number).
    The first line echoes the learner's own ANSWER and is not searched."""
    text = text.split("\n", 1)[1] if "\n" in text else ""
    found = []
    for shown in _reprs(value):
        if len(shown) < 3 and not shown.startswith(("'", '"')):
            continue  # a one- or two-character number is too common to search for
        pattern = r"(?<![\w.-])" + re.escape(shown) + r"(?![\w])"
        if shown[-1:].isdigit():
            pattern = r"(?<![\w.-])" + re.escape(shown) + r"(?![\d.]|e[+-]?\d)"
        if re.search(pattern, text):
            found.append(shown)
    return found


def _expected_parts(reference, wrong):
    """The expected value and, for a tuple/list/mapping, each expected entry the wrong answer
    got wrong: none of them may appear in a failure."""
    parts = [reference]
    if isinstance(reference, dict) and isinstance(wrong, dict):
        learner_values = {repr(v) for v in wrong.values()}
        parts += [v for k, v in reference.items()
                  if wrong.get(k) != v and repr(v) not in learner_values]
    elif isinstance(reference, tuple | list) and isinstance(wrong, tuple | list):
        # the entries of a tuple of strings are the given names; their order is the answer
        parts += [v for i, v in enumerate(reference) if not isinstance(v, str)
                  if (i >= len(wrong) or not checking._same(wrong[i], v))
                  and not any(checking._same(w, v) for w in wrong)]
    return parts


@pytest.mark.parametrize("kata", ANSWER_KATAS, ids=lambda k: k.id)
def test_answer_checks_compare_through_the_answer_helpers(kata):
    source = Path(importlib.util.find_spec(kata.checks_module).origin).read_text()
    for plain in ("expect_close", "expect_equal", "expect_same_float"):
        assert not re.search(rf"\b{plain}\b", source), (
            f"{kata.id}: an answer kata's check must not use {plain}, which prints the "
            f"expected value; use expect_answer_{plain.removeprefix('expect_')}")


@pytest.mark.parametrize("kata", ANSWER_KATAS, ids=lambda k: k.id)
def test_the_reference_answer_passes_every_check(kata):
    results = _grade(kata, _reference_answer(kata))
    assert results and all(v is None for v in results.values()), results


@pytest.mark.parametrize("kata", ANSWER_KATAS, ids=lambda k: k.id)
def test_every_named_mistake_is_rejected_with_its_own_name(kata, monkeypatch):
    reference = _reference_answer(kata)
    comparisons = _recorded_comparisons(kata, monkeypatch)
    monkeypatch.undo()
    if kata.id in OWN_LOGIC:
        return
    assert comparisons, f"{kata.id}: no answer comparison was made"
    candidates = [w for w in _wrong_answers(reference) if _differs(reference, w)]
    candidates += PREDICATE_EXAMPLES.get(kata.id, lambda r: [])(reference)
    problems = []
    for check, entry, mistakes in comparisons:
        for text, value in mistakes.items():
            if callable(value):
                reached = any((_grade(kata, w, only=check).get(check) or "").find(text) >= 0
                              for w in candidates)
                if not reached:
                    problems.append(f"{check}: no wrong answer reaches the mistake {text!r}")
                continue
            wrong = _with_entry(reference, entry, value)
            message = _grade(kata, wrong, only=check)[check]
            if message is None:
                problems.append(f"{check}: the mistaken value {wrong!r} of {text!r} is "
                                f"accepted - the tolerance does not separate it")
            elif f"likely mistake: {text}" not in message:
                problems.append(f"{check}: the mistaken value {wrong!r} is rejected but not "
                                f"named {text!r}:\n{message}")
            else:
                leaks = [s for part in _expected_parts(reference, wrong)
                         for s in _leaks(message, part)]
                if leaks:
                    problems.append(f"{check}: the message for {text!r} shows the expected "
                                    f"value ({leaks}):\n{message}")
    assert not problems, f"{kata.id}:\n" + "\n".join(problems)


@pytest.mark.parametrize("kata", ANSWER_KATAS, ids=lambda k: k.id)
def test_a_wrong_answer_never_shows_the_expected_value(kata):
    reference = _reference_answer(kata)
    wrongs = [w for w in _wrong_answers(reference) if _differs(reference, w)]
    assert wrongs
    failed_somewhere = 0
    problems = []
    for wrong in wrongs:
        results = _grade(kata, wrong)
        messages = [m for m in results.values() if m]
        failed_somewhere += bool(messages)
        for message in messages:
            leaks = [s for part in _expected_parts(reference, wrong) for s in _leaks(message, part)]
            if leaks:
                problems.append(f"ANSWER = {wrong!r} shows {leaks}:\n{message}")
    assert not problems, "\n\n".join(problems[:5])
    assert failed_somewhere >= len(wrongs) // 2, "most generated wrong answers should fail"


@pytest.mark.parametrize(("kata_id", "source", "mistake", "hidden"), [
    ("ch00/fp32_max", "ANSWER = 2**128\n", "2**128 is the first power of two past the largest",
     lambda: [repr(float(np.finfo(np.float32).max)), "3.40282346"]),
    ("ch00/format_choice",
     "ANSWER = {'forward_pass': 'FP16', 'master_weights': 'FP32', "
     "'gradient_accumulation': 'FP32', 'loss_scale': 'FP16'}\n",
     "FP16 overflows above 65504", lambda: ["'BF16'", "expected"]),
], ids=["fp32_max", "format_choice"])
def test_a_graded_run_shows_the_mistake_and_not_the_answer(kata_tree, kata_id, source, mistake,
                                                          hidden):
    """End to end: what a learner's terminal shows for a wrong ANSWER."""
    kata_tree.write(kata_id, source)
    result = kata_tree.run(f"katas/{kata_id}.py", "--numkata-unlock-all")
    text = result.stdout.str()
    assert result.ret == 1 and f"likely mistake: {mistake}" in text, text
    for shown in hidden():
        assert shown not in text, f"{shown!r} appears in the output:\n{text}"


def _spellings(tol):
    """How a stub may write a tolerance: 1e-8, 5e-4, 0.005, 10%."""
    plain, power = f"{tol:g}", f"{tol:.0e}"
    return {plain, plain.replace("e-0", "e-"), power, power.replace("e-0", "e-"), f"{tol * 100:g}%"}


@pytest.mark.parametrize("kata", [k for k in ANSWER_KATAS if k.id not in OWN_LOGIC],
                         ids=lambda k: k.id)
def test_the_stub_states_the_tolerance_its_checks_use(kata, monkeypatch):
    tolerances = []
    _recorded_comparisons(kata, monkeypatch, tolerances)
    stub = " ".join(pristine_stub(kata.id).split())
    for helper, rtol, atol in set(tolerances):
        if helper != "expect_answer_close" or not (rtol or atol):
            assert "exactly" in stub, f"{kata.id}: graded exactly, but the stub never says so"
            continue
        for tol, kind in ((rtol, "relative"), (atol, "absolute")):
            if tol:
                assert any(f"{s} {kind}" in stub
                           for s in _spellings(tol)), (
                    f"{kata.id}: the check grades within {tol:g} {kind}; the stub does not say so")


_WORDS = {"four": 4, "seven": 7, "nine": 9, "ten": 10}
_DIGITS_CLAIM = re.compile(r"(?:at least|so) (\d+|four|seven|nine|ten) significant digits"
                           r"(?: suffice| are enough)?")


def _claimed_digits(kata):
    stub = " ".join(pristine_stub(kata.id).split())
    found = _DIGITS_CLAIM.search(stub)
    if not found or "needs at least" not in stub and "suffice" not in stub \
            and "are enough" not in stub and "keep at least" not in stub \
            and "or at least" not in stub:
        return None
    word = found.group(1)
    return int(word) if word.isdigit() else _WORDS[word]


@pytest.mark.parametrize("kata", [k for k in ANSWER_KATAS if _claimed_digits(k)],
                         ids=lambda k: k.id)
def test_an_answer_with_the_promised_significant_digits_passes(kata):
    """Where a stub says a decimal with N significant digits is enough, the reference rounded to
    N significant digits passes (and so the tolerance is not tighter than the stub says)."""
    digits = _claimed_digits(kata)
    reference = float(_reference_answer(kata))
    rounded = float(f"{reference:.{digits - 1}e}")
    results = _grade(kata, rounded)
    assert all(v is None for v in results.values()), (digits, rounded, results)


@pytest.mark.parametrize(("step", "named"), [
    (lambda eps: math.sqrt(eps), "about sqrt(eps), the best step for a forward difference"),
    (lambda eps: eps, "about machine epsilon itself"),
    (lambda eps: eps * 1e3, "too small: at this step rounding error"),
    (lambda eps: 0.1, "too large: at this step truncation error"),
    (lambda eps: -1e-5, "a step h must be a positive number"),
], ids=["sqrt_eps", "eps", "small", "large", "negative"])
def test_optimal_step_names_each_of_its_mistakes(step, named):
    """ch07/optimal_step grades with its own window logic, not the answer helpers."""
    kata = catalogue.load().kata("ch07/optimal_step")
    h = step(float(np.finfo(np.float64).eps))
    (message,) = _grade(kata, h).values()
    assert message is not None and named in message, message
    module, _ = _checks(kata)
    best = module._target()  # the measured best step is never printed, only how far h is
    assert not _leaks(message, best) and f"{best:.3g}" not in message, message
