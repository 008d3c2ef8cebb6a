"""Processes that would outlive the check: a fork, a subprocess, a setsid daemon, a pool."""

import os


def _spawn():
    try:
        if os.fork() == 0:
            os.setsid()
            while True:
                pass
    except OSError:
        pass
    try:
        import subprocess

        subprocess.Popen(["sleep", "1000"], start_new_session=True)
    except OSError:
        pass
    try:
        import multiprocessing

        multiprocessing.Process(target=sum, args=([1],)).start()
    except OSError:
        pass


def log_sum_exp(x):
    _spawn()
    while True:  # and burn CPU here too
        pass
