"""``numkata warm [start|stop|status]``: the resident warm server that your next ``pytest``
runs start from (``pytest_numkata/warm_start/resident.py``).

After a ``pytest`` run in a terminal numkata starts one by itself; ``start`` is for runs whose
output is not a terminal (an IDE, a script), ``stop`` ends it (and any other of yours, started with another environment), ``status`` says whether one
serves this environment. ``NUMKATA_WARM=off`` turns the whole mechanism off."""

from __future__ import annotations

import argparse
import os
import time

from ..context import Context
from ..errors import EXIT_OK, EXIT_REFUSED


def register(sub, common) -> None:
    p = sub.add_parser("warm", parents=common,
                       help="start, stop or show the warm server your pytest runs start from")
    p.add_argument("action", nargs="?", choices=("status", "start", "stop"), default="status")
    p.set_defaults(func=run)


def run(ctx: Context, args: argparse.Namespace) -> int:
    from ...warm_start import resident

    env = dict(os.environ)
    why = resident.unavailable(env)
    if args.action == "stop":  # every one of this user's, whatever environment started it
        stopped = resident.stop_all() or int(resident.stop(env))
        if stopped:
            print(f"{'warm server' if stopped == 1 else f'{stopped} warm servers'} stopped: "
                  f"the next pytest run starts cold")
        else:
            print("no warm server was running")
        return EXIT_OK
    if why is not None:
        print(f"no warm server: {why}; every pytest run starts cold")
        return EXIT_REFUSED if args.action == "start" else EXIT_OK
    if args.action == "start":
        started = time.monotonic()
        if not resident.start(env, wait=True):
            print("the warm server did not start; pytest runs start cold")
            return EXIT_REFUSED
        print(f"warm server ready ({time.monotonic() - started:.1f} s): pytest runs in this "
              f"kata tree start from it")
    info = resident.ping(env)
    if info is None:
        print("no warm server for this environment: the next pytest run in a terminal starts "
              "one (or: numkata warm start)")
        return EXIT_OK
    minutes = int(info["idle"]) // 60
    print(f"warm server: pid {info['pid']}, up {time.time() - float(info['started']):.0f} s, "
          f"{info['runs']} run(s) so far, {info['running']} running; it ends after "
          f"{minutes} min without a run, or when numkata's files change")
    return EXIT_OK
