"""How long ``numkata watch`` takes from saving a kata file to printing its verdict.

    python benchmarks/watch_latency.py [--saves 9] [--kata ch01/log_sum_exp] [--poll]

Makes a throwaway workspace (``numkata init``) with chapter 0 recorded as mastered in its home
(so a Build kata of chapter 1 is open), starts ``numkata watch`` on the kata's chapter as a
subprocess, waits until it is ready, then saves the kata's file several times, alternating the
reference solution (passes) and a broken one (fails). For each save it measures the wall time
from just before the write to the moment the watch process prints ``[watch] <kata>: <verdict>``,
read from its stdout. That is the learner's latency: file event, debounce, the forked pytest run
(collection, the checks in the plugin's own forked child, recording progress, the report) and
the verdict line. Prints each save's time and the median, min and max, then the time of a
cold ``python -m pytest`` of the same kata for scale; asserts nothing. The machine's load
average is printed too: on a busy machine every number grows.
"""

from __future__ import annotations

import argparse
import os
import queue
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from pytest_numkata import packs
from pytest_numkata.packs import catalogue
from pytest_numkata.progress.outcomes import Outcome
from pytest_numkata.progress.store import Attempt, ProgressStore


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--saves", type=int, default=9)
    parser.add_argument("--kata", default="ch01/log_sum_exp", help="a Build kata (default %(default)s)")
    parser.add_argument("--poll", action="store_true", help="watch with --poll")
    parser.add_argument("--cold", type=int, default=3,
                        help="cold pytest runs of the same kata to compare with (default 3)")
    parser.add_argument("--pause", type=float, default=0.5, help="seconds between saves")
    args = parser.parse_args()
    cat = catalogue.load()
    kata = cat.kata(args.kata)
    with tempfile.TemporaryDirectory(prefix="numkata-watch-bench-") as tmp:
        ws = Path(tmp) / "ws"
        env = {k: v for k, v in os.environ.items() if k != "NUMKATA_HOME"}
        env.update(NO_COLOR="1", PYTHONUNBUFFERED="1")
        subprocess.run([sys.executable, "-m", "pytest_numkata", "init", str(ws)], env=env,
                       check=True, capture_output=True)
        home = ws / ".numkata"
        # open every chapter before the kata's: record their katas as mastered
        before = [k.id for k in cat.katas if k.chapter < kata.chapter]
        with ProgressStore(home) as store:
            store.record_run([Attempt(kata=k, outcome=Outcome.PASSED, checks_total=1)
                              for k in before])
        path = ws / "katas" / kata.relpath
        pack = packs.of(kata)
        good = pack.reference_text(kata)
        bad = pack.stub_text(kata)  # the stub: "not attempted", a fast verdict too
        if kata.type in ("Build", "Debug") and kata.function:
            bad = good + f"\n\ndef {kata.function}(*args, **kwargs):\n    return 0.0\n"
        argv = [sys.executable, "-m", "pytest_numkata", "watch", kata.chapter, "--no-initial"]
        if args.poll:
            argv.append("--poll")
        started = time.monotonic()
        proc = subprocess.Popen(argv, cwd=ws, env=env, stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        lines: queue.Queue[tuple[float, str] | None] = queue.Queue()

        def read() -> None:
            for line in proc.stdout:
                lines.put((time.monotonic(), line.rstrip("\n")))
            lines.put(None)

        threading.Thread(target=read, daemon=True).start()

        def wait_for(text: str, timeout: float = 300) -> tuple[float, str]:
            deadline = time.monotonic() + timeout
            while True:
                item = lines.get(timeout=max(0.01, deadline - time.monotonic()))
                if item is None:
                    raise SystemExit(f"watch ended before {text!r}")
                if text in item[1]:
                    return item

        try:
            wait_for("[watch] watching")
            print(f"warm-up (start to ready): {time.monotonic() - started:.2f} s")
            times = []
            for n in range(args.saves):
                time.sleep(args.pause)
                text = good if n % 2 == 0 else bad
                t0 = time.monotonic()
                path.write_text(text + f"\n# save {n}\n")
                at, line = wait_for(f"[watch] {kata.id}: ")
                times.append(at - t0)
                print(f"save {n + 1}: {1000 * (at - t0):6.0f} ms  {line.split(': ', 1)[1]}")
                wait_for("[watch] watching")
            proc.stdin.write("q\n")
            proc.stdin.flush()
            proc.wait(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        cold = []
        for n in range(args.cold):  # the same grading by a cold `pytest` process, for scale
            path.write_text(good + f"\n# cold {n}\n")
            t0 = time.monotonic()
            subprocess.run([sys.executable, "-m", "pytest", str(path.relative_to(ws)), "-q"],
                           cwd=ws, env=env, capture_output=True)
            cold.append(1000 * (time.monotonic() - t0))
    ms = [1000 * t for t in times]
    print(f"{kata.id} ({kata.type}), {len(ms)} saves{' (--poll)' if args.poll else ''}: "
          f"median {statistics.median(ms):.0f} ms, min {min(ms):.0f} ms, max {max(ms):.0f} ms")
    if cold:
        print(f"cold `python -m pytest katas/{kata.relpath}` for comparison, {len(cold)} runs: "
              f"median {statistics.median(cold):.0f} ms, min {min(cold):.0f} ms, "
              f"max {max(cold):.0f} ms")
    try:
        print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
              f"on {os.cpu_count()} CPUs")
    except OSError:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
