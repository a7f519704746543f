"""The batch on a worker pool: tasks in, outcomes out, the same for local processes and Dask.

``LocalRunner`` runs the analyzer on a ``service.workers.LocalPool``: worker processes that are
also the document sandbox. Each builds its analyzer once (spaCy pipeline, taxonomy, profile,
resource limits) and takes one file at a time, so memory stays flat however many files there
are. A worker that exceeds the time limit is killed (``timeout`` row), one that dies gives its
file a ``corrupt`` row; either way a fresh worker takes its place. ``DaskRunner``
(``dask_runner.py``) runs the same analyzer on a ``DaskPool``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..errors import Corrupt, ParseTimeout
from ..workers import Crashed, LocalPool, TaskRaised, TimedOut, WorkerPool, WorkerSpec
from ..workers import WorkerStartError as WorkerStartError  # re-exported for the CLI and tests
from .tasks import Analyzer, AnalyzerFactory, Outcome, Task, WorkConfig, run_analyzer

CRASH_MESSAGE = ("Reading this file crashed the reader process (it may be damaged or built to "
                 "exhaust memory). Export it again and retry.")
START_TIMEOUT_S = 180.0


def start_analyzer(job: tuple[AnalyzerFactory, WorkConfig]) -> Analyzer:
    """A batch worker's setup: build the analyzer once."""
    factory, config = job
    return factory(config)


def analyze_file(analyzer: Analyzer, item: tuple[bytes, str]) -> tuple[str | None, Any]:
    """A batch worker's task: ``(report_json, None)`` or ``(None, (code, message))``."""
    data, filename = item
    return run_analyzer(analyzer, data, filename)


def analyzer_spec(factory: AnalyzerFactory, config: WorkConfig) -> WorkerSpec:
    return WorkerSpec(start_analyzer, analyze_file, (factory, config))


def _outcome(task: Task, result: Any) -> Outcome:
    if isinstance(result, TimedOut):
        return Outcome.failed(task, ParseTimeout.code, ParseTimeout.default_message)
    if isinstance(result, Crashed):
        return Outcome.failed(task, Corrupt.code, CRASH_MESSAGE)
    if isinstance(result, TaskRaised):
        return Outcome.failed(task, "internal", f"Internal error ({result.kind}) while analysing "
                                                "this file; please report it.")
    report_json, error = result
    return Outcome(task.path, task.key, task.sha256, report_json=report_json, error=error)


def run_on_pool(pool: WorkerPool, tasks: Iterable[Task],
                stop: Callable[[], bool]) -> Iterator[Outcome]:
    """One outcome per task, in completion order; tasks that failed in the driver (``error``
    set) never reach a worker and are yielded as they are met."""
    failed: list[Outcome] = []

    def items() -> Iterator[tuple[Task, tuple[bytes, str]]]:
        for task in tasks:
            if task.error is not None:
                failed.append(Outcome.failed(task, *task.error))
            else:
                yield task, (task.data, task.path)

    results = pool.map_unordered(items(), stop=stop)
    try:
        for task, result in results:
            yield from _drain(failed)
            yield _outcome(task, result)
        if not stop():
            yield from _drain(failed)
    finally:
        results.close()


def _drain(failed: list[Outcome]) -> Iterator[Outcome]:
    while failed:
        yield failed.pop(0)


class LocalRunner:
    """Analyse tasks on ``workers`` local processes; yields outcomes as they finish."""

    def __init__(self, factory: AnalyzerFactory, config: WorkConfig, *, workers: int,
                 task_timeout: float) -> None:
        self.spec = analyzer_spec(factory, config)
        self.workers = max(1, workers)
        self.task_timeout = task_timeout
        self.restarts = 0

    def run(self, tasks: Iterable[Task], *,
            stop: Callable[[], bool] = lambda: False) -> Iterator[Outcome]:
        """Yield one outcome per task, in completion order, until ``stop()`` is true. Closing
        the generator stops the workers."""
        pool = LocalPool(self.spec, size=self.workers, timeout=self.task_timeout,
                         start_timeout=START_TIMEOUT_S, name="batch worker")
        try:
            yield from run_on_pool(pool, tasks, stop)
        finally:
            pool.close()
            self.restarts += pool.restarts
