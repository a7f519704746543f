"""Worker pools: run a task function in other processes, with limits the caller can rely on.

One interface (``WorkerPool.map_unordered``), two implementations: ``LocalPool`` (processes on this
machine; also a blocking ``call`` for the API's document sandbox) and ``DaskPool`` (a Dask
cluster, for batch). The pools know nothing about documents or scoring: a ``WorkerSpec`` names the
module-level functions a worker runs. See docs/architecture.md ("Workers").
"""

from .base import (
    Crashed,
    TaskFailed,
    TaskRaised,
    TimedOut,
    WorkerPool,
    WorkerSpec,
    WorkerStartError,
    report_progress,
)
from .local_pool import LocalPool

__all__ = [
    "Crashed", "LocalPool", "TaskFailed", "TaskRaised", "TimedOut", "WorkerPool", "WorkerSpec",
    "WorkerStartError", "report_progress",
]
