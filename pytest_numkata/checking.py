"""What a hidden checks module uses: call the learner's code, compare, and say what went wrong.

A checks module (``pytest_numkata/checks/chNN/<name>.py``) is an ordinary pytest module whose
public functions are the checks. Each check takes the ``kata`` fixture (the learner's module,
loaded when the check runs) and uses these helpers, so a failure reads like this::

    log_sum_exp([1000.0, 1000.0])
      returned  inf
      expected  1000.6931471805599  (within 1e-12 relative or 1e-12 absolute)
      likely mistake: exp(1000) overflows to inf - shift by max(x) before exponentiating

Every message says what was called, what came back and what was expected; ``mistakes`` maps
the text of a common mistake to the value that mistake produces (or to a predicate on the
returned value), and the first one that matches is named.

Answer katas (Derive, Trace, Design) are graded on ``ANSWER`` alone, so there the expected
value is the answer itself. Their checks read it with ``answer``/``answer_entries`` and compare
with ``expect_answer_close``/``expect_answer_equal``/``expect_answer_same_float``, whose
failures say how the answer misses - too large or too small and roughly by how much, which
entries are wrong, the named mistake - and never show the expected value::

    ANSWER = 340282366920938463463374607431768211456
      is too large: right to about 7 significant digits, the kata asks for 9
      (graded within 1e-08 relative)
      likely mistake: 2**128 is the first power of two past the largest value: ...
"""

from __future__ import annotations

import contextvars
import copy
import decimal
import math
import numbers
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import numpy as np

MAX_REPR = 160


# ---------------------------------------------------------------------------------- the last call
#
# The call a check made last, for the failure messages that name it (``describe_call``), and
# the kata whose check is running, for the hint pointer those messages end with.


class _Call:
    """A call remembered for messages; formatted only when a message needs it."""

    def __init__(self, fn: Callable | None = None, args: tuple = (),
                 kwargs: Mapping | None = None, text: str | None = None):
        self.fn = fn
        self.args = args
        self.kwargs = kwargs or {}
        self._text = text

    def __str__(self) -> str:
        if self._text is None:
            self._text = describe_call(self.fn, self.args, self.kwargs)
        return self._text


_last_call: contextvars.ContextVar[_Call | str] = contextvars.ContextVar(
    "numkata_last_call", default="")


def _last() -> str:
    """The last call, described (empty when no call was made)."""
    return str(_last_call.get())


# the id of the kata whose check is running (``ch01/log_sum_exp``); see set_current_kata
_current_kata: contextvars.ContextVar[str] = contextvars.ContextVar("numkata_kata", default="")


# ---------------------------------------------------------------------------------- failures


class KataFailure(AssertionError):
    """A check found a wrong answer. The message is written for the learner."""


class LearnerCrash(Exception):
    """The learner's code raised an exception while a check called it."""

    def __init__(self, description: str, error: BaseException):
        self.description = description
        self.error = error
        super().__init__(f"{description} raised {type(error).__name__}: {error}")


class KataLoadError(Exception):
    """The learner's file could not be loaded (import-time error or a missing name)."""


# ---------------------------------------------------------------------------------- describing


def short_repr(value: Any, limit: int = MAX_REPR) -> str:
    """A readable, bounded representation of an argument or a result."""
    if isinstance(value, np.ndarray):
        with np.printoptions(precision=17, threshold=12, edgeitems=3, linewidth=10_000):
            text = np.array2string(value, separator=", ")
        if value.ndim and value.size > 1 and value.dtype != np.float64:
            text += f" (dtype {value.dtype})"
    elif isinstance(value, np.generic):
        text = repr(value.item())
    elif isinstance(value, list | tuple) and len(value) > 12:
        head = ", ".join(short_repr(v, 40) for v in value[:3])
        tail = ", ".join(short_repr(v, 40) for v in value[-3:])
        brackets = "[]" if isinstance(value, list) else "()"
        text = f"{brackets[0]}{head}, ..., {tail}{brackets[1]} ({len(value)} items)"
    elif callable(value) and hasattr(value, "__name__"):
        text = getattr(value, "numkata_label", None) or value.__name__
    else:
        text = repr(value)
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 5] + " ...]" if text[:1] == "[" else text[: limit - 4] + " ..."
    return text


def describe_call(fn: Callable, args: tuple, kwargs: Mapping[str, Any]) -> str:
    parts = [short_repr(a) for a in args] + [f"{k}={short_repr(v)}" for k, v in kwargs.items()]
    return f"{getattr(fn, '__name__', 'function')}({', '.join(parts)})"


def labelled(fn: Callable, label: str) -> Callable:
    """Give a function argument (f, grad, fprime, ...) a readable label for messages."""
    fn.numkata_label = label  # type: ignore[attr-defined]
    return fn


def set_current_kata(kata_id: str) -> None:
    _current_kata.set(kata_id)


def _hint_pointer() -> str:
    kata_id = _current_kata.get()
    return f"\n  stuck? `numkata hint {kata_id}` shows the next hint" if kata_id else ""


# ---------------------------------------------------------------------------------- calling


def call(fn: Callable, *args: Any, unchanged: bool = False, **kwargs: Any) -> Any:
    """Call the learner's ``fn``; remember the call for messages; report a crash kindly.

    With ``unchanged=True`` the arguments are compared with copies taken before the call, and
    modifying one fails the check (for contracts that promise inputs are not modified).
    """
    description = _Call(fn, args, kwargs)
    _last_call.set(description)
    before = copy.deepcopy((args, kwargs)) if unchanged else None
    try:
        result = fn(*args, **kwargs)
    except (Exception, SystemExit) as exc:  # noqa: BLE001 - any learner exception is a failed check
        raise LearnerCrash(str(description), exc) from exc
    if before is not None:
        names = [f"argument {i + 1}" for i in range(len(args))] + [f"{k}=" for k in kwargs]
        old = list(before[0]) + list(before[1].values())
        new = list(args) + list(kwargs.values())
        for name, a, b in zip(names, old, new):
            if not _same(a, b):
                as_passed = describe_call(fn, before[0], before[1])  # not the modified values
                raise KataFailure(
                    f"{as_passed}\n  modified its {name} in place: the contract says the "
                    f"inputs are not modified - work on a copy (e.g. x = np.array(x, dtype=float))"
                )
    return result


def call_many(fn: Callable, calls: Iterable[tuple]) -> list:
    """``[fn(*args) for args in calls]``, as one exchange with the learner's process where
    the learner runs in one (a sweep of 65,536 inputs costs one round trip, not 65,536).
    An exception from any call propagates, like the list comprehension's; no in-place check
    is made. For fast passes whose first mismatch is then re-checked with ``call``."""
    calls = [tuple(args) for args in calls]
    many = getattr(fn, "numkata_many", None)
    if many is not None:
        return many(calls)
    return [fn(*args) for args in calls]


def answer(kata: Any, kinds: tuple[type, ...] | None = None) -> Any:
    """The learner's ``ANSWER``, checked to be of the expected kind (by default a real number)."""
    _last_call.set("ANSWER")
    value = getattr(kata, "ANSWER", Ellipsis)
    if value is Ellipsis:
        raise KataFailure("ANSWER is still `...`: replace it with your answer")
    if isinstance(value, decimal.Decimal) and value.is_finite():
        value = float(value)  # a Decimal is a number too
    if kinds is None:
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise KataFailure(
                f"ANSWER should be a number, but it is {type(value).__name__} {short_repr(value)}"
            )
    elif not isinstance(value, kinds):
        wanted = " or ".join(k.__name__ for k in kinds)
        raise KataFailure(
            f"ANSWER should be a {wanted}, but it is {type(value).__name__} {short_repr(value)}"
        )
    return value


def answer_entries(kata: Any, count: int, what: str, *, numbers_only: bool = True) -> Any:
    """The learner's ``ANSWER`` as a tuple or list of exactly ``count`` entries; ``what`` names
    them for the message, e.g. "(S, N)". With ``numbers_only`` every entry must be a real
    number (a bool is not)."""
    value = answer(kata, kinds=(tuple, list))
    if len(value) != count:
        raise KataFailure(f"ANSWER should hold {count} entries {what}, but it holds "
                          f"{len(value)}: {short_repr(value)}")
    if numbers_only:
        for entry in value:
            if isinstance(entry, bool) or not isinstance(entry, numbers.Real):
                raise KataFailure(f"every entry of ANSWER {what} should be a number; "
                                  f"{type(entry).__name__} {short_repr(entry)} is not")
    return value


# ---------------------------------------------------------------------------------- comparing


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        a_arr, b_arr = np.asarray(a), np.asarray(b)
        if a_arr.shape != b_arr.shape or a_arr.dtype != b_arr.dtype:
            return False
        if a_arr.dtype.kind in "fc":
            return bool(np.array_equal(a_arr, b_arr, equal_nan=True))
        return bool(np.array_equal(a_arr, b_arr))
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    try:
        return bool(a == b) or (a != a and b != b)
    except Exception:  # noqa: BLE001
        return a is b


def _tolerance_text(rtol: float, atol: float) -> str:
    if rtol and atol:
        return f"within {rtol:g} relative or {atol:g} absolute"
    if rtol:
        return f"within {rtol:g} relative"
    if atol:
        return f"within {atol:g} absolute"
    return "exactly"


def _fail(lines: list[str], actual: Any, mistakes: Mapping[str, Any] | None,
          match: Callable[[Any, Any], bool]) -> None:
    named = _named_mistake(actual, mistakes, match)
    if named:
        lines.append(f"  likely mistake: {named}")
    if actual is None and not named:
        lines.append("  likely mistake: the function returns None - is a `return` missing?")
    text = "\n".join(lines)
    if named or actual is None:
        text += _hint_pointer()
    raise KataFailure(text)


def _named_mistake(actual: Any, mistakes: Mapping[str, Any] | None,
                   match: Callable[[Any, Any], bool]) -> str | None:
    for text, value in (mistakes or {}).items():
        try:
            hit = value(actual) if callable(value) else match(actual, value)
        except Exception:  # noqa: BLE001 - a diagnosis that cannot be made is no diagnosis
            hit = False
        if hit:
            return text
    return None


def _as_float_array(value: Any) -> np.ndarray | None:
    try:
        arr = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        return None
    return arr


def is_close(actual: Any, expected: Any, rtol: float = 1e-9, atol: float = 0.0) -> bool:
    """True when ``actual`` has ``expected``'s shape and agrees to the tolerance (inf and nan
    must match exactly)."""
    if actual is None:
        return False
    if type(actual) in (float, int, np.float64) and type(expected) in (float, int, np.float64):
        x, y = float(actual), float(expected)  # the common scalar case, without arrays
        if math.isnan(y) or math.isnan(x):
            return math.isnan(x) and math.isnan(y)
        if math.isinf(y) or math.isinf(x):
            return x == y
        return abs(x - y) <= atol + rtol * abs(y)
    a = _as_float_array(actual)
    e = np.asarray(expected, dtype=np.float64)
    if a is None or a.shape != e.shape:
        return False
    finite = np.isfinite(e)
    if not np.array_equal(np.isnan(a), np.isnan(e)):
        return False
    if not np.array_equal(a[~finite & ~np.isnan(e)], e[~finite & ~np.isnan(e)]):
        return False
    diff = np.abs(a[finite] - e[finite])
    return bool(np.all(diff <= atol + rtol * np.abs(e[finite])))


def expect_close(actual: Any, expected: Any, *, rtol: float = 1e-9, atol: float = 0.0,
                 mistakes: Mapping[str, Any] | None = None, what: str | None = None) -> None:
    """``actual`` equals ``expected`` (a number or an array) to ``rtol``/``atol``.

    A number is expected to come back as a number and an array as an array of the same shape.
    """
    if is_close(actual, expected, rtol, atol):
        return  # nothing is formatted for a passing comparison: that is the hot path
    call_text = what or _last() or "the result"
    expected_arr = np.asarray(expected, dtype=np.float64)
    lines = [call_text]
    a = None if actual is None else _as_float_array(actual)
    lines.append(f"  returned  {short_repr(actual)}")
    if a is None and actual is not None:
        lines.append(f"  expected  {short_repr(expected)} - a number, not {type(actual).__name__}")
    elif a is not None and a.shape != expected_arr.shape:
        kind = "a single number" if expected_arr.ndim == 0 else f"shape {expected_arr.shape}"
        lines.append(f"  expected  {short_repr(expected)} ({kind}, but got shape {a.shape})")
    else:
        lines.append(f"  expected  {short_repr(expected)}  ({_tolerance_text(rtol, atol)})")
        if a is not None and expected_arr.ndim and expected_arr.size > 1:
            with np.errstate(invalid="ignore"):
                err = np.abs(a - expected_arr)
            err = np.where(np.isnan(err), np.inf, err)
            worst = np.unravel_index(int(np.argmax(err)), err.shape)
            lines.append(
                f"  worst entry at index {tuple(int(i) for i in worst)}: "
                f"{short_repr(a[worst])} instead of {short_repr(expected_arr[worst])}"
            )
    _fail(lines, actual, mistakes, lambda got, value: is_close(got, value, rtol, atol))


def same_float(a: Any, b: Any) -> bool:
    """Bit-for-bit float equality as a learner means it: nan equals nan, 0.0 differs from -0.0."""
    try:
        x, y = float(a), float(b)
    except (TypeError, ValueError):
        return False
    if math.isnan(x) or math.isnan(y):
        return math.isnan(x) and math.isnan(y)
    return x == y and math.copysign(1.0, x) == math.copysign(1.0, y)


def expect_same_float(actual: Any, expected: float, *,
                      mistakes: Mapping[str, Any] | None = None) -> None:
    """Exact float equality, telling -0.0 from 0.0 and accepting nan for nan."""
    if isinstance(actual, numbers.Real) and not isinstance(actual, bool) and same_float(actual, expected):
        return
    lines = [_last() or "the result", f"  returned  {short_repr(actual)}",
             f"  expected  {float(expected)!r}  (exactly{', with its sign' if expected == 0 else ''})"]
    _fail(lines, actual, mistakes, same_float)


def expect_equal(actual: Any, expected: Any, *, mistakes: Mapping[str, Any] | None = None,
                 what: str | None = None) -> None:
    """Exact equality (for answers that are tuples, strings, mappings, integers...)."""
    if _same(actual, expected) and isinstance(actual, bool) == isinstance(expected, bool):
        return
    lines = [what or _last() or "the result", f"  returned  {short_repr(actual)}",
             f"  expected  {short_repr(expected)}"]
    _fail(lines, actual, mistakes, _same)


def expect(condition: bool, message: str) -> None:
    """A property that must hold; ``message`` says what was violated."""
    if not condition:
        raise KataFailure(f"{_last() or 'the result'}\n  {message}")


def expect_raises(errors: type[BaseException] | tuple[type[BaseException], ...],
                  fn: Callable, *args: Any, **kwargs: Any) -> BaseException:
    """Calling ``fn`` raises one of ``errors`` (subclasses count)."""
    description = describe_call(fn, args, kwargs)
    _last_call.set(_Call(text=description))
    wanted = errors if isinstance(errors, tuple) else (errors,)
    names = " or ".join(e.__name__ for e in wanted)
    try:
        result = fn(*args, **kwargs)
    except wanted as exc:
        return exc
    except Exception as exc:  # noqa: BLE001
        raise KataFailure(
            f"{description}\n  raised {type(exc).__name__}: {exc}\n  expected {names}"
        ) from exc
    raise KataFailure(f"{description}\n  returned  {short_repr(result)}\n  expected  {names} to be raised")


def fail(message: str) -> None:
    raise KataFailure(message)


# ---------------------------------------------------------------------------------- answers
#
# An answer kata (Derive, Trace, Design) is graded on ANSWER alone, so its expected value IS the
# answer: a failure that printed it would hand the kata over. These helpers compare like
# ``expect_close`` / ``expect_equal`` but say only HOW the answer is wrong - too large or too
# small and roughly by how much, which entries of a tuple or mapping are wrong, and the named
# mistake - never the expected value. Build and Debug checks keep the helpers above.


def _answer_label(entry: Any = None, label: str | None = None) -> str:
    text = "ANSWER" if entry is None else f"ANSWER[{entry!r}]"
    return f"{text} {label}" if label else text


def _rough(q: float) -> str:
    """A factor or a size to two significant digits, written for a reader."""
    if q >= 1e6:
        return f"10**{round(math.log10(q))}"
    if q >= 10:
        return f"{float(f'{q:.2g}'):,.0f}"
    return f"{q:.2g}"


def digits_for(rtol: float) -> int:
    """The significant digits a decimal needs to land within ``rtol`` relative."""
    return math.ceil(1 + math.log10(0.5 / rtol))


def how_far(actual: Any, expected: Any, rtol: float = 0.0) -> str:
    """How the number ``actual`` misses ``expected``, without saying what ``expected`` is:
    the direction and the size of the miss (a factor, a percentage, or the significant digits
    that agree - and with ``rtol``, the digits the kata asks for)."""
    try:
        x, y = float(actual), float(expected)
    except (TypeError, ValueError, OverflowError):
        return "is not the right number"
    if math.isnan(x):
        return "is nan, not a number"
    if math.isnan(y):
        return "is not right"
    if math.isinf(x) or math.isinf(y):
        if x == y:
            return "is right"
        if math.isinf(x) and not math.isinf(y):
            return "is infinite, but the answer is finite"
        return "is too small" if x < y else "is too large"
    direction = "large" if x > y else "small"
    if y == 0:
        return f"is too {direction} by about {_rough(abs(x))}"
    if x == 0:
        return f"is 0, which is too {direction}"
    q = x / y
    if q < 0:
        size = abs(q)
        if 0.5 < size < 2:
            return "has the wrong sign"
        bigger = "larger" if size > 1 else "smaller"
        return (f"has the wrong sign, and its size is {bigger} by a factor of about "
                f"{_rough(max(size, 1 / size))}")
    if y < 0:
        direction = "large in size" if abs(x) > abs(y) else "small in size"
    if q >= 2 or q <= 0.5:
        return f"is too {direction} by a factor of about {_rough(max(q, 1 / q))}"
    rel = abs(q - 1)
    if rel >= 0.01:
        return f"is too {direction} by about {_rough(100 * rel)}%"
    digits = max(2, math.floor(-math.log10(rel))) if rel > 0 else 17
    asked = f", the kata asks for {digits_for(rtol)}" if 0 < rtol < 0.01 else ""
    return f"is too {direction}: right to about {digits} significant digits{asked}"


def _tolerance_note(rtol: float, atol: float) -> str:
    text = _tolerance_text(rtol, atol)
    return "graded exactly" if text == "exactly" else f"graded {text}"


def _is_sequence(value: Any) -> bool:
    return isinstance(value, list | tuple | np.ndarray)


def _is_number(value: Any) -> bool:
    return isinstance(value, numbers.Real | np.number) and not isinstance(value, bool | np.bool_)


def _entry_names(names: Iterable[str] | None, count: int) -> list[str]:
    names = list(names or ())
    return [f"ANSWER[{i}]" + (f" ({names[i]})" if i < len(names) else "") for i in range(count)]


def _answer_fail(lines: list[str], actual: Any, mistakes: Mapping[str, Any] | None,
                 match: Callable[[Any, Any], bool]) -> None:
    named = _named_mistake(actual, mistakes, match)
    if named:
        lines.append(f"  likely mistake: {named}")
    raise KataFailure("\n".join(lines) + _hint_pointer())


def _answer_misses(actual: Any, expected: Any, close: Callable[[Any, Any], bool], *,
                   entry: Any, label: str | None, names: Iterable[str] | None,
                   rtol: float = 0.0) -> list[str]:
    """The lines that say how ``actual`` misses ``expected``, entry by entry for a sequence or
    mapping, never naming an expected value."""
    if isinstance(expected, Mapping):
        if not isinstance(actual, Mapping):
            return [f"  {_answer_label(entry, label)} should be a mapping (a dict)"]
        lines = []
        for key in expected:
            if key not in actual:
                lines.append(f"  ANSWER[{key!r}] is missing")
            elif not close(actual[key], expected[key]):
                lines.append(f"  ANSWER[{key!r}] {_miss_one(actual[key], expected[key], rtol)}")
        extra = [k for k in actual if k not in expected]
        if extra:
            lines.append(f"  ANSWER has unexpected keys: {', '.join(short_repr(k, 40) for k in extra)}")
        return lines
    if _is_sequence(expected) and np.ndim(expected) == 1:
        if not _is_sequence(actual):
            return [f"  {_answer_label(entry, label)} should hold {len(expected)} entries, "
                    f"but it is {type(actual).__name__}"]
        if len(actual) != len(expected):
            return [f"  {_answer_label(entry, label)} holds {len(actual)} entries; it should "
                    f"hold {len(expected)}"]
        labels = _entry_names(names, len(expected))
        wrong = [i for i in range(len(expected)) if not close(actual[i], expected[i])]
        lines = [f"  {labels[i]} {_miss_one(actual[i], expected[i], rtol)}" for i in wrong]
        if wrong and len(wrong) < len(expected):
            right = [str(i) for i in range(len(expected)) if i not in wrong]
            lines.append(f"  (entr{'y' if len(right) == 1 else 'ies'} {', '.join(right)} "
                         f"{'is' if len(right) == 1 else 'are'} right)")
        return lines
    return [f"  {_miss_one(actual, expected, rtol)}"]


def _miss_one(actual: Any, expected: Any, rtol: float = 0.0) -> str:
    if _is_number(expected) and not isinstance(expected, bool):
        if _is_number(actual):
            return how_far(actual, expected, rtol)
        return f"should be a number, not {type(actual).__name__}"
    if isinstance(expected, str) and not isinstance(actual, str):
        return f"should be a string, not {type(actual).__name__}"
    return "is not right"


def expect_answer_close(actual: Any, expected: Any, *, rtol: float, atol: float = 0.0,
                        mistakes: Mapping[str, Any] | None = None, entry: Any = None,
                        label: str | None = None, names: Iterable[str] | None = None) -> None:
    """``ANSWER`` (or its entry ``entry``) equals ``expected`` - a number or a sequence of
    numbers - to ``rtol``/``atol``. A failure says how the answer misses (and which entries
    miss), never what ``expected`` is; ``label`` names what is compared, ``names`` the
    entries of a sequence."""
    if _is_sequence(expected):
        ok = (_is_sequence(actual) and len(actual) == len(expected)
              and all(_is_number(a) for a in actual)
              and is_close(np.asarray(actual, dtype=float), np.asarray(expected, dtype=float),
                           rtol, atol))
    else:
        ok = _is_number(actual) and is_close(float(actual), float(expected), rtol, atol)
    if ok:
        return
    lines = [f"{_answer_label(entry, label)} = {short_repr(actual)}"]
    lines += _answer_misses(actual, expected,
                            lambda a, e: _is_number(a) and is_close(float(a), float(e), rtol, atol),
                            entry=entry, label=label, names=names, rtol=rtol)
    lines.append(f"  ({_tolerance_note(rtol, atol)})")

    def match(got: Any, value: Any) -> bool:
        if _is_sequence(value):
            return is_close(np.asarray(got, dtype=float), np.asarray(value, dtype=float), rtol, atol)
        return is_close(float(got), float(value), rtol, atol)

    _answer_fail(lines, actual, mistakes, match)


def expect_answer_equal(actual: Any, expected: Any, *, mistakes: Mapping[str, Any] | None = None,
                        entry: Any = None, label: str | None = None,
                        names: Iterable[str] | None = None) -> None:
    """``ANSWER`` (or its entry ``entry``) equals ``expected`` exactly - an integer, a string,
    a bool, or a tuple/list/mapping of them. A failure names the wrong entries and how a wrong
    number misses, never the expected value."""
    def same(a: Any, e: Any) -> bool:
        if isinstance(e, Mapping):
            return isinstance(a, Mapping) and set(a) == set(e) and all(same(a[k], e[k]) for k in e)
        if _is_sequence(e):
            return (_is_sequence(a) and len(a) == len(e)
                    and all(same(x, y) for x, y in zip(a, e)))
        return _same(a, e) and isinstance(a, bool | np.bool_) == isinstance(e, bool | np.bool_)

    if same(actual, expected):
        return
    lines = [f"{_answer_label(entry, label)} = {short_repr(actual)}"]
    lines += _answer_misses(actual, expected, same, entry=entry, label=label, names=names)
    if _is_number(expected) or (_is_sequence(expected) and any(_is_number(e) for e in expected)):
        lines.append("  (graded exactly)")
    _answer_fail(lines, actual, mistakes, same)


def expect_answer_same_float(actual: Any, expected: float, *,
                             mistakes: Mapping[str, Any] | None = None, entry: Any = None,
                             label: str | None = None) -> None:
    """``ANSWER`` (or its entry ``entry``) is the float ``expected`` exactly, telling -0.0 from
    0.0 and accepting nan for nan; a failure never shows ``expected``."""
    if _is_number(actual) and same_float(actual, expected):
        return
    lines = [f"{_answer_label(entry, label)} = {short_repr(actual)}"]
    if _is_number(actual) and float(actual) == float(expected):
        lines.append("  has the wrong sign (0.0 and -0.0 are different floats)")
    else:
        lines.append(f"  {_miss_one(actual, expected)}")
    lines.append("  (graded exactly)")
    _answer_fail(lines, actual, mistakes, same_float)
