"""Running the per-learner tasks: on Dask distributed (an embedded LocalCluster, or an existing
cluster via its scheduler address), or one after the other in this process.

One task per learner. Results come back to the client as they finish (``as_completed``) and
the caller writes each one before the next is taken, so an interrupted batch keeps every
learner already written. A worker that dies mid-task is the scheduler's business: its tasks
are rescheduled on the other workers (Dask's ``allowed-failures``); a learner whose task kills
its worker every time comes back as a failure that names it.

Dask is imported here only, and only when a batch runs on it.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Iterator

from .grade_one import grade_one, stop_running

ALLOWED_FAILURES = 3  # workers a learner's task may take down before it is given up


class SchedulerError(Exception):
    """The cluster cannot be used: the message says why."""


def _import_distributed():
    try:
        import distributed
    except ImportError:
        raise SchedulerError('grading on Dask needs the "distributed" package: '
                             'pip install "numkata[class]" (or grade with --in-process)') \
            from None
    return distributed


@contextlib.contextmanager
def dask_client(*, jobs: int | None, scheduler: str | None, connect_timeout: float = 10.0):
    """A Dask client: on an embedded LocalCluster of ``jobs`` single-threaded workers (threads
    of this process), or connected to ``scheduler``."""
    distributed = _import_distributed()
    import dask

    cluster = None
    with dask.config.set({"distributed.scheduler.allowed-failures": ALLOWED_FAILURES,
                          "distributed.admin.tick.limit": "60s",
                          # a teacher reads numkata's rows, not Dask's logs: a worker that
                          # loses its scheduler while an interrupted batch shuts down logs a
                          # traceback at ERROR level, which is noise there
                          "distributed.logging.distributed": "critical"}):
        if scheduler:
            try:
                client = distributed.Client(scheduler, timeout=connect_timeout)
            except (OSError, TimeoutError, ValueError) as exc:
                raise SchedulerError(f"cannot reach the Dask scheduler at {scheduler}: "
                                     f"{exc}") from None
        else:
            for name in ("distributed", "distributed.nanny", "distributed.worker",
                         "distributed.scheduler", "distributed.core"):
                logging.getLogger(name).setLevel(logging.CRITICAL)
            # Workers are threads of this process: a task only starts the learner's grading
            # run and waits for it, so a worker process of its own would add nothing but its
            # start (2.85 s of CPU and 2 s for two of them, against 1.0 s and 1 s).
            cluster = distributed.LocalCluster(
                n_workers=jobs or os.cpu_count() or 1, threads_per_worker=1, processes=False,
                memory_limit=0,  # learners' memory is capped by the judge, per kata
                dashboard_address=None, silence_logs=logging.CRITICAL)
            client = distributed.Client(cluster)
        try:
            yield client
        finally:
            if cluster is not None:
                # Interrupted: the runs of tasks still going in this process's workers end
                # now, as they would with their worker (nobody waits for their results).
                stop_running()
            client.close()
            if cluster is not None:
                cluster.close()


def run_on_dask(client, tasks: list[dict]) -> Iterator[tuple[dict, dict | None, str | None]]:
    """Yield (task, result, error) as each learner's task finishes."""
    distributed = _import_distributed()
    futures = {}
    for task in tasks:
        future = client.submit(grade_one, task, key=f"numkata-grade-{task['learner']}-"
                               f"{task['submission_sha256'][:12]}", pure=False)
        futures[future] = task
    try:
        for future in distributed.as_completed(list(futures)):
            task = futures.pop(future)
            try:
                yield task, future.result(), None
            except distributed.KilledWorker:
                yield task, None, (f"the grading task killed {ALLOWED_FAILURES + 1} workers "
                                   f"in a row and was given up")
            except Exception as exc:  # the task raised: say what, grade the others
                yield task, None, f"the grader failed: {type(exc).__name__}: {exc}"
    finally:
        for future in futures:  # interrupted: nothing more is wanted
            future.cancel()


def run_in_process(tasks: list[dict]) -> Iterator[tuple[dict, dict | None, str | None]]:
    for task in tasks:
        try:
            yield task, grade_one(task), None
        except Exception as exc:
            yield task, None, f"the grader failed: {type(exc).__name__}: {exc}"


def workers_of(client) -> int:
    try:
        return len(client.scheduler_info().get("workers", {}))
    except Exception:
        return 0


ProgressCallback = Callable[[dict, dict | None, str | None], None]
