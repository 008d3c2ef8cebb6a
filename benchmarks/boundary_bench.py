"""The cost of the judge/learner boundary, measured from inside one process.

Prints one JSON object (seconds): a zygote's cold start, a learner forked from the warm zygote
(start + load of a small kata), and the median cost of one exchange for a scalar call, a call
with a 1,000-float array, a call with a million floats (their data travels out of band) and
one returning them, a judge-side callback made by the learner, and a call_many of 10,000
calls (per call). Run by benchmarks/run.py (group ``boundary``).
"""

from __future__ import annotations

import json
import statistics
import time

from pytest_numkata.sandbox import process
from pytest_numkata.sandbox.proxy import LearnerModule, LearnerSession

SOURCE = '''
import numpy as np

def scalar(x):
    return x + 1.0

def array(x):
    return np.asarray(x) * 2.0

def calls_back(f):
    return f(1.5)

def first(x):
    return float(x[0])
'''


def per_call(fn, n: int) -> float:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    import tempfile
    from pathlib import Path

    t0 = time.perf_counter()
    zygote = process.start_zygote()
    learner = process.LearnerProcess(memory_mb=512, cpu_budget=60)
    learner.start(30)
    cold = time.perf_counter() - t0
    learner.close()

    folder = Path(tempfile.mkdtemp())
    kata = folder / "kata.py"
    kata.write_text(SOURCE)
    starts = []
    for _ in range(10):
        t0 = time.perf_counter()
        session = LearnerSession(source_path=kata, display="kata.py", module_name="bench_kata",
                                 want="scalar", timeout=30, memory_mb=512, checks=1)
        session.load()
        starts.append(time.perf_counter() - t0)
        session.close()
    session = LearnerSession(source_path=kata, display="kata.py", module_name="bench_kata",
                             want="scalar", timeout=30, memory_mb=512, checks=1)
    session.load()
    module = LearnerModule(session)
    import numpy as np

    x = np.linspace(0, 1, 1000)
    big = np.linspace(0, 1, 1_000_000)
    scalar, array, calls_back = module.scalar, module.array, module.calls_back
    first = module.first
    out = {
        "zygote_cold_start": cold,
        "learner_start_and_load": statistics.median(starts),
        "call_scalar": per_call(lambda: scalar(1.0), 2000),
        "call_array_1000": per_call(lambda: array(x), 1000),
        "call_with_callback": per_call(lambda: calls_back(lambda v: v * 2), 1000),
        "call_array_1e6": per_call(lambda: first(big), 30),
        "call_array_1e6_returned": per_call(lambda: array(big), 30),
    }
    t0 = time.perf_counter()
    scalar.numkata_many([(float(i),) for i in range(10_000)])
    out["call_many_per_call"] = (time.perf_counter() - t0) / 10_000
    session.close()
    if zygote is not None:
        process.stop_zygote()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
