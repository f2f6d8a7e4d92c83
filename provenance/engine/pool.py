"""The pipeline's tasks (:mod:`provenance.engine.tasks`) in a pool of processes on this
machine: ``--engine local`` with more than one job.

Every step runs in the pool, not only the comparisons: preparing articles, reading their
facts and judging stories (reference and claims) cost as much as comparing on a corpus
of many small stories, and on one core they would leave the others idle. A step with a
single task runs in this process instead (a pool costs a few seconds of imports per
worker), so a small corpus never starts one.

Workers are spawned (fork is unsafe under the terminal UI's threads), print their
warnings as one line each as the parent does, and exit as soon as their parent is gone.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any

from provenance.engine.tasks import Task, TaskEngine

#: Seconds between a worker's checks that the process that started it is alive.
PARENT_CHECK_SECONDS = 0.5
#: Tasks kept submitted per worker: enough to keep it busy, few enough that the queue
#: never holds the whole corpus.
TASKS_IN_FLIGHT_PER_WORKER = 4


class PoolEngine(TaskEngine):
    """The tasks in ``workers`` processes, started on first use and shut down with the
    engine."""

    name = "local"
    #: one pair per task, as a small story of a few relays is common locally
    pairs_per_task = 1

    def __init__(self, workers: int) -> None:
        super().__init__()
        self.workers = max(1, workers)
        self._pool: ProcessPoolExecutor | None = None

    @property
    def pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=multiprocessing.get_context("spawn"),
                initializer=_init_worker)
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def _run(self, tasks: Iterator[Task], ordered: bool = False) -> Iterator[Any]:
        first = [task for _, task in zip(range(2), tasks, strict=False)]
        if len(first) < 2:  # one task: not worth a pool
            for _, func, args in first:
                yield func(*args)
            return
        pending = iter([*first, *tasks])
        limit = self.workers * TASKS_IN_FLIGHT_PER_WORKER
        queue: deque[Future[Any]] = deque()  # submitted, in order

        def submit_next() -> None:
            for _, func, args in pending:
                queue.append(self.pool.submit(func, *args))
                return

        try:
            for _ in range(limit):
                submit_next()
            while queue:
                if ordered:
                    future = queue.popleft()
                else:
                    done, _ = wait(queue, return_when=FIRST_COMPLETED)
                    future = next(f for f in queue if f in done)
                    queue.remove(future)
                result = future.result()
                submit_next()
                yield result
        finally:
            for future in queue:
                future.cancel()


def _init_worker() -> None:
    _watch_parent(os.getppid())
    # A worker's warnings (a damaged translation cache replaced) reach the same terminal
    # as the parent's: one line each, like the CLI prints them, never Python's format.
    import warnings

    from provenance.errors import ProvenanceWarning, show_warning_line

    warnings.showwarning = show_warning_line
    warnings.simplefilter("always", ProvenanceWarning)


def _watch_parent(parent: int) -> None:
    """Exit this worker as soon as its parent is gone.

    A parent killed with SIGKILL cannot shut its pool down: the workers would finish
    their task, wait for work forever and keep the resource tracker alive with them.
    When the parent dies the worker is re-parented (to init or a subreaper), so a
    changed ``getppid()`` is the sign; ``os._exit`` because nothing of this process is
    worth cleaning up.
    """
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()
