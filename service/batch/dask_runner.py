"""The Dask runner: the same batch on a cluster, for corpora that outgrow one machine.

Files travel as bytes inside each task (chunks of a few files, capped in bytes), so workers need
no shared filesystem, only ``skillmatch[dask]`` installed. Each worker process builds its analyzer
once and keeps it. Results stream back with ``as_completed`` while at most a few chunks per worker
thread are in flight. A chunk whose worker died (Dask gives up after its allowed retries with
``KilledWorker``) is split and its files are retried one at a time with nothing else running, so
a file that still kills its worker is the culprit and gets a ``corrupt`` row. When no worker has
been alive for ``SKILLMATCH_DASK_NO_WORKER_TIMEOUT_S`` the run stops with ``ClusterGone`` (Dask
itself would wait for one forever); the journal keeps what finished, for ``--resume``.
"""

from __future__ import annotations

import pickle
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..errors import Corrupt, InputError
from ..settings import get_settings
from .runner import CRASH_MESSAGE, WorkerStartError
from .tasks import Analyzer, AnalyzerFactory, Outcome, Task, WorkConfig, run_analyzer

_ANALYZERS: dict[bytes, Analyzer] = {}
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
            raise ClusterGone(
                f"No live Dask worker at {self.scheduler} for {self.timeout:g} s; stopped. "
                "The outputs hold the files finished so far: run again with --resume to go on.")


def analyze_chunk(factory: AnalyzerFactory, config: WorkConfig,
                  items: list[tuple[str, bytes]]) -> list[tuple[str | None, tuple[str, str] | None]]:
    """Dask task: analyse ``(file name, bytes)`` pairs with this worker's cached analyzer."""
    key = pickle.dumps((factory.__module__, factory.__qualname__, config))
    analyzer = _ANALYZERS.get(key)
    if analyzer is None:
        analyzer = _ANALYZERS[key] = factory(config)
    return [run_analyzer(analyzer, data, filename) for filename, data in items]


class DaskRunner:
    """Analyse tasks on the Dask cluster at ``scheduler``; yields outcomes as chunks finish."""

    def __init__(self, factory: AnalyzerFactory, config: WorkConfig, *, scheduler: str,
                 chunk_files: int = 8, chunk_bytes: int = 8 * 1024 * 1024,
                 chunks_per_thread: int = 2, connect_timeout: float = 20.0,
                 no_worker_timeout: float | None = None) -> None:
        self.factory = factory
        self.config = config
        self.scheduler = scheduler
        self.chunk_files = max(1, chunk_files)
        self.chunk_bytes = chunk_bytes
        self.chunks_per_thread = chunks_per_thread
        self.connect_timeout = connect_timeout
        self.no_worker_timeout = no_worker_timeout or (
            config.settings or get_settings()).dask_no_worker_timeout_s

    def _client(self) -> Any:
        try:
            from distributed import Client
        except ImportError as exc:
            raise InputError("--scheduler needs Dask: pip install 'skillmatch[dask]'") from exc
        try:
            return Client(self.scheduler, timeout=self.connect_timeout)
        except (OSError, TimeoutError, ValueError) as exc:
            raise InputError(f"Could not reach the Dask scheduler at {self.scheduler} "
                             f"({type(exc).__name__}).") from exc

    def _chunks(self, tasks: Iterator[Task], failed: list[Outcome]) -> Iterator[list[Task]]:
        chunk: list[Task] = []
        size = 0
        for task in tasks:
            if task.error is not None:
                failed.append(Outcome.failed(task, *task.error))
                continue
            if chunk and (len(chunk) >= self.chunk_files or size + len(task.data) > self.chunk_bytes):
                yield chunk
                chunk, size = [], 0
            chunk.append(task)
            size += len(task.data)
        if chunk:
            yield chunk

    def run(self, tasks: Iterable[Task], *,
            stop: Callable[[], bool] = lambda: False) -> Iterator[Outcome]:
        """Yield one outcome per task, in completion order, until ``stop()`` is true."""
        from distributed import as_completed
        from distributed.client import FutureCancelledError
        from distributed.scheduler import KilledWorker

        client = self._client()
        failed: list[Outcome] = []
        chunks = self._chunks(iter(tasks), failed)
        owner: dict[Any, tuple[list[Task], bool]] = {}
        suspects: deque[Task] = deque()
        stream = as_completed()
        watch = WorkerWatch(client, self.scheduler, self.no_worker_timeout)

        def submit(chunk: list[Task], isolated: bool = False) -> None:
            items = [(t.path, t.data) for t in chunk]
            future = client.submit(analyze_chunk, self.factory, self.config, items,
                                   key=f"skillmatch-chunk-{uuid.uuid4().hex}", pure=False)
            owner[future] = (chunk, isolated)
            stream.add(future)

        def refill() -> None:
            if suspects:  # files from a chunk whose worker died: retried alone, one at a time
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
            yield from failed
            failed.clear()
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
                        yield Outcome.failed(chunk[0], Corrupt.code, CRASH_MESSAGE)
                    else:
                        suspects.extend(chunk)
                    results = None
                finally:
                    future.release()
                for task, (report_json, error) in zip(chunk, results or [], strict=False):
                    yield Outcome(task.path, task.key, task.sha256, report_json=report_json,
                                  error=error)
                refill()
                yield from failed
                failed.clear()
        finally:
            for future in owner:
                future.cancel()
            client.close()
