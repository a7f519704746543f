"""``DaskPool``: the pool interface on a Dask cluster (``distributed``), for corpora that outgrow
one machine.

Payloads travel inside each task, in chunks of a few items capped in bytes, so workers need no
shared filesystem. Each Dask worker process runs ``spec.setup`` once and keeps its state. Results
stream back with ``as_completed`` while at most a few chunks per worker thread are in flight. A
chunk whose worker died (Dask gives up after its allowed retries with ``KilledWorker``) is split
and its items are retried one at a time with nothing else running, so an item that still kills
its worker is the culprit and gets ``Crashed``. Dask has no per-task hard time limit or memory cap
per task (tasks run in worker threads): the spec's tasks enforce their own (the batch sends PDF
and DOCX files to the local reader pool). When no worker has been alive for ``no_worker_timeout``
the run stops with ``ClusterGone``: Dask itself would wait for one forever.
"""

from __future__ import annotations

import pickle
import time
import traceback
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .base import Crashed, TaskRaised, WorkerSpec, WorkerStartError

_STATES: dict[bytes, Any] = {}
WORKER_CHECK_INTERVAL_S = 1.0


class ClusterGone(WorkerStartError):
    """The Dask cluster has had no live worker for the configured time."""

    code = "cluster_gone"
    default_message = "The Dask cluster has no live worker."


class WorkerWatch:
    """Tracks since when the cluster has had no live worker (``nthreads`` asks the scheduler)."""

    def __init__(self, client: Any, scheduler: str, timeout: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.client = client
        self.scheduler = scheduler
        self.timeout = timeout
        self.clock = clock
        self.checked = float("-inf")
        self.gone_since: float | None = None

    def check(self) -> None:
        """Raise ``ClusterGone`` once no worker has been alive for ``timeout`` seconds."""
        now = self.clock()
        if now - self.checked < WORKER_CHECK_INTERVAL_S:
            return
        self.checked = now
        try:
            alive = bool(self.client.nthreads())
        except (OSError, TimeoutError):  # the scheduler itself is unreachable
            alive = False
        if alive:
            self.gone_since = None
            return
        if self.gone_since is None:
            self.gone_since = now
        if now - self.gone_since >= self.timeout:
            raise ClusterGone(f"No live Dask worker at {self.scheduler} for {self.timeout:g} s; "
                              "stopped.")


def run_chunk(spec: WorkerSpec, payloads: list[Any]) -> list[tuple[str, Any]]:
    """Dask task: ``spec.handle`` on each payload with this worker process's cached state;
    ``("ok", result)`` or ``("raised", (type, where))`` per payload."""
    key = pickle.dumps(spec)
    state = _STATES.get(key)
    if state is None:
        state = _STATES[key] = spec.setup(spec.config)
    results: list[tuple[str, Any]] = []
    for payload in payloads:
        try:
            results.append(("ok", spec.handle(state, payload)))
        except Exception as exc:  # noqa: BLE001 - one bad item must not fail its chunk
            frames = traceback.extract_tb(exc.__traceback__)
            where = "; ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno}" for f in frames[-4:])
            results.append(("raised", (type(exc).__name__, where)))
    return results


class DaskPool:
    """Runs ``spec`` on the cluster behind ``client`` (a ``distributed.Client``, closed by
    ``map_unordered`` when it ends)."""

    def __init__(self, spec: WorkerSpec, client: Any, *, scheduler: str, no_worker_timeout: float,
                 chunk_items: int = 8, chunk_bytes: int = 8 * 1024 * 1024,
                 weigh: Callable[[Any], int] = lambda payload: 0,
                 chunks_per_thread: int = 2) -> None:
        self.spec = spec
        self.client = client
        self.scheduler = scheduler
        self.no_worker_timeout = no_worker_timeout
        self.chunk_items = max(1, chunk_items)
        self.chunk_bytes = chunk_bytes
        self.weigh = weigh
        self.chunks_per_thread = chunks_per_thread

    def _chunks(self, items: Iterator[tuple[Any, Any]]) -> Iterator[list[tuple[Any, Any]]]:
        chunk: list[tuple[Any, Any]] = []
        size = 0
        for item in items:
            weight = self.weigh(item[1])
            if chunk and (len(chunk) >= self.chunk_items or size + weight > self.chunk_bytes):
                yield chunk
                chunk, size = [], 0
            chunk.append(item)
            size += weight
        if chunk:
            yield chunk

    def map_unordered(self, items: Iterable[tuple[Any, Any]], *,
                      stop: Callable[[], bool] = lambda: False) -> Iterator[tuple[Any, Any]]:
        """See ``WorkerPool.map_unordered``; raises ``ClusterGone`` when the workers are gone."""
        from distributed import as_completed
        from distributed.client import FutureCancelledError
        from distributed.scheduler import KilledWorker

        client = self.client
        chunks = self._chunks(iter(items))
        owner: dict[Any, tuple[list[tuple[Any, Any]], bool]] = {}
        suspects: deque[tuple[Any, Any]] = deque()
        stream = as_completed()
        watch = WorkerWatch(client, self.scheduler, self.no_worker_timeout)

        def submit(chunk: list[tuple[Any, Any]], isolated: bool = False) -> None:
            future = client.submit(run_chunk, self.spec, [payload for _, payload in chunk],
                                   key=f"pool-chunk-{uuid.uuid4().hex}", pure=False)
            owner[future] = (chunk, isolated)
            stream.add(future)

        def refill() -> None:
            if suspects:  # items of a chunk whose worker died: retried alone, one at a time
                if not owner:
                    submit([suspects.popleft()], isolated=True)
                return
            threads = sum(client.nthreads().values()) or 1
            while len(owner) < threads * self.chunks_per_thread:
                chunk = next(chunks, None)
                if chunk is None:
                    return
                submit(chunk)

        try:
            refill()
            while owner and not stop():
                while not stream.has_ready():
                    if stop():
                        return
                    watch.check()
                    time.sleep(0.05)
                future = next(stream)
                chunk, isolated = owner.pop(future)
                try:
                    results = future.result()
                except (KilledWorker, FutureCancelledError):
                    if isolated:
                        yield chunk[0][0], Crashed("the worker died running this item")
                    else:
                        suspects.extend(chunk)
                    results = None
                finally:
                    future.release()
                for (key, _), (kind, value) in zip(chunk, results or [], strict=False):
                    yield key, value if kind == "ok" else TaskRaised(*value)
                refill()
        finally:
            for future in owner:
                future.cancel()
            client.close()
