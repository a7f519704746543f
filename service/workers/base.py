"""The pool interface: what a worker runs (``WorkerSpec``), how a task can fail, ``WorkerPool``."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from ..errors import SkillmatchError

K = TypeVar("K")


@dataclass(frozen=True)
class WorkerSpec:
    """What every worker process runs: ``setup(config)`` once (its result is the worker's state),
    then ``handle(state, payload)`` per task. Both must be importable module-level functions
    (they are pickled by reference); ``config`` and payloads must pickle."""

    setup: Callable[[Any], Any]
    handle: Callable[[Any, Any], Any]
    config: Any = None


class WorkerStartError(SkillmatchError):
    """A worker could not start (its ``setup`` failed, it exited, or it did not answer)."""

    code = "worker_start_failed"
    status = 500
    default_message = "The batch workers could not start."


class TaskFailed(Exception):
    """A task produced no result: returned by ``map_unordered``, raised by ``LocalPool.call``."""


class TimedOut(TaskFailed):
    """The task overran its time limit; its worker was killed. ``note`` is the last progress
    note the task reported (``report_progress``), if any."""

    def __init__(self, seconds: float, note: Any = None) -> None:
        super().__init__(f"the task took longer than {seconds:g} s")
        self.seconds = seconds
        self.note = note


class Crashed(TaskFailed):
    """The worker died while running the task (killed, out of memory, a crash in C code)."""


class TaskRaised(TaskFailed):
    """``handle`` raised: the exception's type and where (file:line), never its message, which
    may quote the input."""

    def __init__(self, kind: str, where: str) -> None:
        super().__init__(f"{kind} at {where}")
        self.kind = kind
        self.where = where


class WorkerPool(Protocol):
    """Runs one ``WorkerSpec`` on several workers."""

    def map_unordered(self, items: Iterable[tuple[K, Any]], *,
                      stop: Callable[[], bool] = ...) -> Iterator[tuple[K, Any]]:
        """Yield ``(key, result or TaskFailed)`` per ``(key, payload)``, in completion order,
        with a bounded number of payloads in flight, until ``stop()`` is true. Raises
        ``WorkerStartError`` when the workers cannot start. Closing the iterator stops the
        workers."""
        ...


_progress: Callable[[Any], None] | None = None


def report_progress(note: Any) -> None:
    """From inside a task: send ``note`` to the caller (``LocalPool.call(on_note=...)`` may give
    the task a new deadline). Does nothing outside a local pool worker."""
    if _progress is not None:
        _progress(note)


def set_progress_channel(send: Callable[[Any], None] | None) -> None:
    """Where ``report_progress`` sends notes (the worker process's loop sets it)."""
    global _progress
    _progress = send
