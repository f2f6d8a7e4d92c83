"""The pipeline's tasks (:mod:`provenance.engine.tasks`) on a Dask cluster.

Dask runs from one laptop (a ``LocalCluster`` of worker processes) to many machines (a
``dask scheduler`` and ``dask worker ADDRESS`` processes) with the same code, and it is
Python: the workers import this package and run the very functions the local pool runs.

Besides the tasks every engine runs, story clustering's LSH runs here as a shuffle: each
part of the signatures -> its band keys, split into buckets by key
(:func:`keyed_bands`); each bucket, gathered from every part on the cluster -> the
candidate pairs of articles sharing a band key (:func:`bucket_candidates`), which the
client checks and joins.

A worker that dies loses only its in-flight tasks: the scheduler gives them to another
worker. ``PROVENANCE_VECTORS`` is sent to every worker (and to late joiners). Our
warnings raised in a task (a damaged cache replaced) come back with its result and are
raised again in the client, where the user sees them, not in a worker's log.
"""

from __future__ import annotations

import hashlib
import operator
import os
import sys
import warnings
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from distributed import Client, Future, LocalCluster, WorkerPlugin, as_completed

from provenance.engine.tasks import Task, TaskEngine, task_key
from provenance.errors import BadInput, ProvenanceWarning

if TYPE_CHECKING:
    from provenance.facts import ArticleFacts

#: Signature rows per band-keying task, and the most buckets band keys are shuffled into.
ROWS_PER_BANDS_TASK = 8192
MAX_BUCKETS = 64
#: Tasks kept submitted per worker thread: enough to keep workers busy, few enough that
#: the scheduler never holds the whole corpus.
TASKS_IN_FLIGHT_PER_THREAD = 4
#: The environment that changes results, sent to every worker (and to late joiners).
WORKER_ENVIRONMENT = ("PROVENANCE_VECTORS",)


def keyed_bands(signatures: np.ndarray, bands: int, offset: int,
                buckets: int) -> list[np.ndarray]:
    """Task: the band keys of rows ``offset...`` of the corpus's signatures, in
    ``buckets`` parts by key (every entry of one key lands in the same part)."""
    from provenance.stories import band_entries

    entries = band_entries(signatures, bands, offset)
    bucket = entries[:, 1] % np.uint64(buckets)
    return [entries[bucket == b] for b in range(buckets)]


def bucket_candidates(*parts: np.ndarray) -> np.ndarray:
    """Task: the pairs of rows sharing a band key among one bucket's entries."""
    from provenance.stories import candidates_from_entries

    found = candidates_from_entries(np.concatenate(parts))
    return np.array(sorted(found), dtype=np.int64).reshape(-1, 2)


def with_warnings(func: Callable[..., Any], *args: Any
                  ) -> tuple[Any, list[tuple[type[Warning], str]]]:
    """Task wrapper: ``func(*args)`` and the warnings of ours it raised (category,
    message), for the client to raise again; anyone else's stay in the worker's log."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = func(*args)
    ours = []
    for w in caught:
        if issubclass(w.category, ProvenanceWarning):
            ours.append((w.category, str(w.message)))
        else:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    return result, ours


class _Environment(WorkerPlugin):  # type: ignore[misc]
    """Sets the client's result-shaping environment on each worker as it joins."""

    name = "provenance-environment"

    def __init__(self, values: dict[str, str | None]) -> None:
        self.values = values

    def setup(self, worker: Any) -> None:
        for name, value in self.values.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _bokeh_installed() -> bool:
    try:
        import bokeh  # noqa: F401
    except ImportError:
        return False
    return True


class DaskEngine(TaskEngine):
    """The pipeline's tasks on a Dask cluster: the one at ``scheduler``
    (``tcp://host:8786``), else a ``LocalCluster`` of ``workers`` processes (0: one per
    CPU), started on first use and closed with the engine."""

    name = "dask"

    def __init__(self, scheduler: str | None = None, *, workers: int = 0,
                 notice: Callable[[str], None] | None = None) -> None:
        super().__init__()
        self.scheduler = scheduler
        self.workers = workers
        self.notice = notice or (lambda line: print(line, file=sys.stderr))
        self._client: Client | None = None
        self._cluster: LocalCluster | None = None

    # -- the cluster --------------------------------------------------------------------
    @property
    def client(self) -> Client:
        if self._client is None:
            self._client = self._connect()
        return self._client

    def _connect(self) -> Client:
        if self.scheduler:
            try:
                client = Client(self.scheduler, timeout="20s")
            except (OSError, TimeoutError) as exc:
                raise BadInput(f"cannot reach the Dask scheduler at {self.scheduler} "
                               f"({exc}); start one with `dask scheduler`") from None
        else:
            dashboard = _bokeh_installed()
            self._cluster = LocalCluster(
                n_workers=self.workers or os.cpu_count() or 1, threads_per_worker=1,
                processes=True, dashboard_address=":0" if dashboard else None)
            client = Client(self._cluster)
        client.register_plugin(_Environment({k: os.environ.get(k)
                                             for k in WORKER_ENVIRONMENT}))
        threads = sum(client.nthreads().values())
        where = client.dashboard_link if _bokeh_installed() else \
            "dashboard off (pip install bokeh to watch tasks in a browser)"
        self.notice(f"dask: {threads} worker thread(s) at {client.scheduler.address}; "
                    f"{where}")
        return client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def cluster(self, facts: Sequence[ArticleFacts]) -> list[list[int]]:
        from provenance.stories import BANDS, FEATURE_SETS, cluster_facts

        signatures = self.signatures(facts)
        candidates = {kind: self._candidates(signatures[kind], BANDS[kind])
                      for kind in FEATURE_SETS}
        return cluster_facts(facts, signatures=signatures, candidates=candidates)

    def _candidates(self, signatures: np.ndarray, bands: int) -> set[tuple[int, int]]:
        """:func:`provenance.stories.lsh_candidates` as a shuffle on the cluster: band
        keys computed per part of the rows, gathered by bucket where they were made."""
        client = self.client
        buckets = min(MAX_BUCKETS, 2 * max(1, sum(client.nthreads().values())))
        parts = []
        for start in range(0, len(signatures), ROWS_PER_BANDS_TASK):
            chunk = signatures[start:start + ROWS_PER_BANDS_TASK]
            key = task_key("bands", [hashlib.sha256(chunk.tobytes()).hexdigest(), str(bands),
                                     str(start), str(buckets)])
            keyed = client.submit(keyed_bands, chunk, bands, start, buckets, key=key)
            parts.append([client.submit(operator.getitem, keyed, b, key=f"{key}-{b}")
                          for b in range(buckets)])
        gathered = [client.submit(bucket_candidates, *(p[b] for p in parts),
                                  key=task_key("candidates", [p[b].key for p in parts]))
                    for b in range(buckets)]
        found: set[tuple[int, int]] = set()
        try:
            for future in as_completed(gathered):
                found.update(map(tuple, future.result().tolist()))
        finally:
            client.cancel(gathered + [f for p in parts for f in p])
        return found

    def _run(self, tasks: Iterator[Task], ordered: bool = False) -> Iterator[Any]:
        """Each task's result as it arrives (``ordered``: in the order of ``tasks``); at
        most a few tasks per worker thread are submitted at a time, the next one as each
        finishes."""
        client = self.client
        limit = max(1, sum(client.nthreads().values())) * TASKS_IN_FLIGHT_PER_THREAD
        running = as_completed()
        queue: deque[Future] = deque()  # submitted, in order

        def submit_next() -> bool:
            for key, func, args in tasks:
                future = client.submit(with_warnings, func, *args, key=key)
                if not ordered:
                    running.add(future)
                queue.append(future)
                return True
            return False

        try:
            for _ in range(limit):
                if not submit_next():
                    break
            while queue:
                future = queue.popleft() if ordered else next(running)
                if not ordered:
                    queue.remove(future)
                result, caught = future.result()
                future.release()
                for category, message in caught:
                    warnings.warn(message, category, stacklevel=2)
                submit_next()
                yield result
        finally:
            # a generator left unfinished (its consumer raised) may be closed only after
            # the engine, by the garbage collector: the client is gone by then
            if client.status == "running":
                client.cancel([f for f in queue if not f.done()])
