"""Hidden checks for ch00/format_choice.

Oracle: each job's format is found by running the job's arithmetic in NumPy's float32 and
float16 and in ml_dtypes.bfloat16 (cheapest format first), not read from a table.
"""

import functools
import warnings

import ml_dtypes
import numpy as np

from pytest_numkata.checking import answer, expect_answer_equal, fail

FORMATS = {"FP16": np.float16, "BF16": ml_dtypes.bfloat16, "FP32": np.float32}  # cheapest first
SIXTEEN_BIT = ("FP16", "BF16")
JOBS = ("forward_pass", "master_weights", "gradient_accumulation", "loss_scale")


def _store(name, value):
    with warnings.catch_warnings(), np.errstate(over="ignore", under="ignore"):
        warnings.simplefilter("ignore")
        return FORMATS[name](value)


def _keeps_large_activations(name):
    return bool(np.isfinite(float(_store(name, 1e5))))


def _keeps_small_updates(name):
    w = _store(name, 1.0)
    return float(_store(name, w + _store(name, 1e-5))) != float(w)


def _accumulates(name, steps=5_000, grad=1e-4):
    # add.accumulate adds one step at a time and rounds every partial sum to the format,
    # exactly as `total = total + g` in a loop would (pairwise np.sum would not)
    g = _store(name, grad)
    total = np.add.accumulate(np.full(steps, g, dtype=FORMATS[name]))[-1]
    return abs(float(total) - steps * grad) <= 0.01 * steps * grad


def _flushes_small_gradients(name):
    return float(_store(name, 1e-8)) == 0.0


@functools.cache
def _expected():
    def cheapest(ok):
        return next(name for name in FORMATS if ok(name))

    return {
        "forward_pass": cheapest(_keeps_large_activations),
        "master_weights": cheapest(_keeps_small_updates),
        "gradient_accumulation": cheapest(_accumulates),
        "loss_scale": next(name for name in SIXTEEN_BIT if _flushes_small_gradients(name)),
    }


WHY_NOT = {
    ("forward_pass", "FP32"): "FP32 works but costs twice the memory and bandwidth: a 16-bit "
                              "format with FP32's exponent range does this job",
    ("forward_pass", "FP16"): "FP16 overflows above 65504, so an activation of 1e5 becomes inf; "
                              "pick the 16-bit format with FP32's exponent range",
    ("master_weights", "BF16"): "in BF16, 1 + 1e-5 rounds back to 1 (epsilon 2**-7): every "
                                "small update is lost",
    ("master_weights", "FP16"): "in FP16, 1 + 1e-5 rounds back to 1 (epsilon 2**-10): every "
                                "small update is lost",
    ("gradient_accumulation", "BF16"): "a BF16 running total stops growing early: once its "
                                       "spacing exceeds twice the addend, adding 1e-4 changes nothing",
    ("gradient_accumulation", "FP16"): "an FP16 running total stalls near 0.25, where its spacing "
                                       "is more than twice the 1e-4 addend",
    ("loss_scale", "BF16"): "BF16 has FP32's exponent range, so 1e-8 survives; it needs no loss "
                            "scaling",
    ("loss_scale", "FP32"): "FP32 keeps 1e-8 easily; the question asks which 16-bit format "
                            "flushes it to zero",
}


def _answer(kata):
    value = answer(kata, kinds=(dict,))
    keys = set(value)
    if keys != set(JOBS):
        missing = [j for j in JOBS if j not in keys]
        extra = sorted(repr(k) for k in keys if k not in JOBS)
        parts = []
        if missing:
            parts.append("missing " + ", ".join(repr(j) for j in missing))
        if extra:
            parts.append("unexpected " + ", ".join(extra))
        fail(f"ANSWER should have exactly the keys {', '.join(repr(j) for j in JOBS)}: "
             + "; ".join(parts))
    normal = {}
    for job in JOBS:
        choice = value[job]
        if not isinstance(choice, str) or choice.strip().upper() not in FORMATS:
            fail(f"ANSWER[{job!r}] is {choice!r}: it should be one of \"FP32\", \"FP16\", \"BF16\"")
        normal[job] = choice.strip().upper()
    return normal


def _check_job(kata, job):
    choice = _answer(kata)[job]
    expected = _expected()[job]
    mistakes = {text: name for (j, name), text in WHY_NOT.items() if j == job}
    expect_answer_equal(choice, expected, entry=job, mistakes=mistakes)


def names_exactly_the_four_jobs(kata):
    _answer(kata)


def forward_pass_format(kata):
    _check_job(kata, "forward_pass")


def master_weights_format(kata):
    _check_job(kata, "master_weights")


def gradient_accumulation_format(kata):
    _check_job(kata, "gradient_accumulation")


def loss_scale_format(kata):
    _check_job(kata, "loss_scale")
