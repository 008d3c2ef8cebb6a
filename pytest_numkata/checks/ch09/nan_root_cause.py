"""Hidden checks for ch09/nan_root_cause.

Oracle: the forward pass simulated in numpy.float16; the expected events are read off the
simulated values of the true class's path (e[1], s, p[1], loss).
"""

import math
import warnings

import numpy as np

from pytest_numkata.checking import answer, expect_answer_equal, fail

STEP_846 = (8.0, 10.5, 3.0)
STEP_847 = (8.25, 11.25, 3.0)
TARGET = 1
EVENTS = ("exp_overflows", "sum_overflows", "sum_underflows", "inf_over_inf", "zero_over_zero",
          "finite_over_inf", "log_of_zero", "log_of_nan", "gradient_underflows",
          "weights_become_nan")


def _forward(z):
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        z = np.array(z, dtype=np.float16)
        e = np.exp(z)
        s = np.sum(e, dtype=np.float16)
        p = e / s
        loss = -np.log(p[TARGET])
    assert e.dtype == p.dtype == loss.dtype == np.float16
    return float(e[TARGET]), float(s), float(p[TARGET]), float(loss), [float(v) for v in p]


def _events(z):
    e, s, p, loss, _ = _forward(z)
    out = []
    if math.isinf(e):
        out.append("exp_overflows")
    if math.isinf(s):
        out.append("sum_overflows")
    elif s == 0:
        out.append("sum_underflows")
    if math.isnan(p) and math.isinf(e) and math.isinf(s):
        out.append("inf_over_inf")
    elif math.isnan(p) and e == 0 and s == 0:
        out.append("zero_over_zero")
    elif p == 0 and math.isfinite(e) and math.isinf(s):
        out.append("finite_over_inf")
    if math.isinf(loss) and p == 0:
        out.append("log_of_zero")
    elif math.isnan(loss) and math.isnan(p):
        out.append("log_of_nan")
    return tuple(out)


def traces_the_nan_to_its_cause(kata):
    got = answer(kata, kinds=(tuple, list))
    unknown = [item for item in got if item not in EVENTS]
    if unknown:
        fail(f"ANSWER = {got!r}\n  {unknown[0]!r} is not one of the events listed in the "
             f"docstring: {', '.join(EVENTS)}")
    assert _events(STEP_846) == () and math.isfinite(_forward(STEP_846)[3])  # the story holds
    expected = _events(STEP_847)
    _, _, _, loss, p_all = _forward(STEP_847)
    assert math.isnan(loss)
    others_zero = all(v == 0 for i, v in enumerate(p_all) if i != TARGET)
    got = tuple(got)
    expect_answer_equal(
        got,
        expected,
        label="(events at step 847)",
        mistakes={
            "that is the fate of the other classes (finite / inf = 0, then -log(0) = inf): the "
            "true class's own exponential is inf, and inf / inf is nan":
                lambda g: others_zero and ("finite_over_inf" in g or "log_of_zero" in g),
            "the NaN appears in the forward pass of step 847: the weights after step 846 were "
            "finite, and no optimizer step has run yet": lambda g: "weights_become_nan" in g,
            "underflow turns small values into 0, never into nan; this forward pass overflows":
                lambda g: "gradient_underflows" in g or "sum_underflows" in g
                or "zero_over_zero" in g,
            "once one term of the sum is inf the sum is inf as well: that step belongs in the chain":
                lambda g: "sum_overflows" not in g and set(g) <= set(expected),
            "all the right events, in the wrong order: follow the four lines top to bottom":
                lambda g: sorted(g) == sorted(expected),
        },
    )
