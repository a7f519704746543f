"""The Dask runner: the same batch on a cluster (``service.workers.DaskPool``).

Files travel as bytes inside each task (chunks of up to 8 files, capped at 8 MB), so workers need
no shared filesystem, only ``skillmatch[dask]`` installed. A file that still kills its worker when
retried alone gets a ``corrupt`` row, as locally. When no worker has been alive for
``SKILLMATCH_DASK_NO_WORKER_TIMEOUT_S`` the run stops with ``ClusterGone``; the journal keeps what
finished, for ``--resume``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..errors import InputError
from ..settings import get_settings
from ..workers.dask_pool import ClusterGone, DaskPool, WorkerWatch
from .runner import analyzer_spec, run_on_pool
from .tasks import AnalyzerFactory, Outcome, Task, WorkConfig

__all__ = ["ClusterGone", "DaskRunner", "WorkerWatch"]


class DaskRunner:
    """Analyse tasks on the Dask cluster at ``scheduler``; yields outcomes as chunks finish."""

    def __init__(self, factory: AnalyzerFactory, config: WorkConfig, *, scheduler: str,
                 chunk_files: int = 8, chunk_bytes: int = 8 * 1024 * 1024,
                 chunks_per_thread: int = 2, connect_timeout: float = 20.0,
                 no_worker_timeout: float | None = None) -> None:
        self.spec = analyzer_spec(factory, config)
        self.scheduler = scheduler
        self.chunk_files = chunk_files
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

    def run(self, tasks: Iterable[Task], *,
            stop: Callable[[], bool] = lambda: False) -> Iterator[Outcome]:
        """Yield one outcome per task, in completion order, until ``stop()`` is true."""
        pool = DaskPool(self.spec, self._client(), scheduler=self.scheduler,
                        no_worker_timeout=self.no_worker_timeout, chunk_items=self.chunk_files,
                        chunk_bytes=self.chunk_bytes, weigh=lambda item: len(item[0]),
                        chunks_per_thread=self.chunks_per_thread)
        try:
            yield from run_on_pool(pool, tasks, stop)
        except ClusterGone as exc:
            raise ClusterGone(f"{exc.message} The outputs hold the files finished so far: run "
                              "again with --resume to go on.") from None
