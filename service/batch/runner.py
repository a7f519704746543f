"""The local batch runner: long-lived worker processes that are also the document sandbox.

Each worker builds its analyzer once (spaCy pipeline, taxonomy, profile, resource limits) and then
takes one file at a time over its own pipe, so the driver always knows which file a worker holds.
A worker that exceeds the time limit is killed; one that dies is noticed through its sentinel.
Either way that file gets an error row and a fresh worker takes the dead one's place. At most one
file per worker is in flight, so memory stays flat however many files there are.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess

from ..errors import Corrupt, ParseTimeout, SkillmatchError
from .tasks import AnalyzerFactory, Outcome, Task, WorkConfig, run_analyzer

CRASH_MESSAGE = ("Reading this file crashed the reader process (it may be damaged or built to "
                 "exhaust memory). Export it again and retry.")
START_TIMEOUT_S = 180.0


class WorkerStartError(SkillmatchError):
    """A worker could not build its analyzer (e.g. the taxonomy or profile is invalid)."""

    code = "worker_start_failed"
    status = 500
    default_message = "The batch workers could not start."


def _worker_main(conn: Connection, factory: AnalyzerFactory, config: WorkConfig) -> None:
    """Worker process: build the analyzer once, then analyse files until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        analyzer = factory(config)
    except SkillmatchError as exc:
        conn.send(("init_error", exc.message))
        return
    conn.send(("ready", None))
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if message is None:
            return
        data, filename = message
        try:
            conn.send(("done", run_analyzer(analyzer, data, filename)))
        except MemoryError:
            return


@contextlib.contextmanager
def _sigint_ignored() -> Iterator[None]:
    """Ignore Ctrl-C while a worker starts, so the new interpreter inherits "ignored" and a
    Ctrl-C meant for the driver cannot kill a worker half-way through its imports."""
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


class _Slot:
    """One worker process and the task it holds."""

    def __init__(self, ctx: multiprocessing.context.BaseContext, factory: AnalyzerFactory,
                 config: WorkConfig) -> None:
        self.conn, child = ctx.Pipe(duplex=True)
        self.proc: BaseProcess = ctx.Process(  # type: ignore[attr-defined]
            target=_worker_main, args=(child, factory, config), daemon=True)
        with _sigint_ignored():
            self.proc.start()
        child.close()
        self.ready = False
        self.started = time.monotonic()
        self.task: Task | None = None
        self.deadline = 0.0

    def assign(self, task: Task, timeout: float) -> None:
        self.task = task
        self.deadline = time.monotonic() + timeout
        self.conn.send((task.data, task.path))

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except (BrokenPipeError, OSError):
            pass
        self.proc.join(2)
        self.kill()


class LocalRunner:
    """Analyse tasks on ``workers`` processes (spawn context); yields outcomes as they finish."""

    def __init__(self, factory: AnalyzerFactory, config: WorkConfig, *, workers: int,
                 task_timeout: float, start_method: str = "spawn") -> None:
        self.factory = factory
        self.config = config
        self.workers = max(1, workers)
        self.task_timeout = task_timeout
        self.ctx = multiprocessing.get_context(start_method)
        self.slots: list[_Slot] = []
        self.restarts = 0

    def _spawn(self) -> _Slot:
        return _Slot(self.ctx, self.factory, self.config)

    def _replace(self, slot: _Slot) -> None:
        slot.kill()
        self.slots[self.slots.index(slot)] = self._spawn()
        self.restarts += 1

    def run(self, tasks: Iterable[Task], *,
            stop: Callable[[], bool] = lambda: False) -> Iterator[Outcome]:
        """Yield one outcome per task, in completion order, until ``stop()`` is true.

        Freed workers get their next file before the finished outcomes are yielded, so the
        caller's journaling overlaps with the workers' analysis. Closing the generator stops the
        workers."""
        self._pending = iter(tasks)
        self._exhausted = False
        self._carry: Task | None = None
        self.slots = [self._spawn() for _ in range(self.workers)]
        finished: list[Outcome] = []
        try:
            while not stop():
                finished += self._assign()
                yield from finished
                finished = []
                busy = [s for s in self.slots if s.task is not None or not s.ready]
                if self._exhausted and self._carry is None and \
                        not any(s.task is not None for s in self.slots):
                    return
                finished = list(self._collect(busy))
            yield from finished  # received before the stop: keep them
        finally:
            for slot in self.slots:
                if slot.task is None and slot.ready:
                    slot.stop()
                else:  # busy or still starting: no need to wait for it
                    slot.kill()
            self.slots = []

    def _assign(self) -> list[Outcome]:
        """Give every idle worker a file; returns the outcomes of tasks that failed earlier."""
        failed: list[Outcome] = []
        for index in range(len(self.slots)):
            slot = self.slots[index]
            while slot.ready and slot.task is None and (self._carry or not self._exhausted):
                task, self._carry = self._carry or next(self._pending, None), None
                if task is None:
                    self._exhausted = True
                elif task.error is not None:
                    failed.append(Outcome.failed(task, *task.error))
                else:
                    try:
                        slot.assign(task, self.task_timeout)
                    except (BrokenPipeError, OSError):
                        self._carry = task
                        self._replace(slot)
                        break
        return failed

    def _collect(self, busy: list[_Slot]) -> Iterator[Outcome]:
        now = time.monotonic()
        deadlines = [s.deadline if s.ready else s.started + START_TIMEOUT_S for s in busy]
        timeout = max(0.0, min(deadlines) - now) if deadlines else 0.5
        handles = {s.conn: s for s in busy} | {s.proc.sentinel: s for s in busy}
        ready = wait(list(handles), timeout=min(timeout, 0.5))
        finished: set[_Slot] = set()
        for handle in ready:
            slot = handles[handle]
            if slot in finished:
                continue
            if handle is slot.conn:
                try:
                    kind, payload = slot.conn.recv()
                except (EOFError, OSError):
                    kind, payload = "died", None
            else:
                if slot.conn.poll():
                    continue  # a message arrived before the exit: read it on the next pass
                kind, payload = "died", None
            finished.add(slot)
            yield from self._handle(slot, kind, payload)
        now = time.monotonic()
        for slot in busy:
            if slot in finished:
                continue
            if slot.task is not None and now > slot.deadline:
                task = slot.task
                self._replace(slot)
                yield Outcome.failed(task, ParseTimeout.code, ParseTimeout.default_message)
            elif not slot.ready and now > slot.started + START_TIMEOUT_S:
                raise WorkerStartError("A batch worker did not start within "
                                       f"{START_TIMEOUT_S:.0f} s.")

    def _handle(self, slot: _Slot, kind: str, payload: object) -> Iterator[Outcome]:
        if kind == "ready":
            slot.ready = True
        elif kind == "done":
            task, slot.task = slot.task, None
            assert task is not None
            report_json, error = payload  # type: ignore[misc]
            yield Outcome(task.path, task.key, task.sha256, report_json=report_json, error=error)
        elif kind == "init_error":
            raise WorkerStartError(f"A batch worker could not start: {payload}")
        else:
            task = slot.task
            if not slot.ready:
                slot.proc.join(1)
                raise WorkerStartError("A batch worker exited while starting "
                                       f"(exit code {slot.proc.exitcode}).")
            self._replace(slot)
            if task is not None:
                yield Outcome.failed(task, Corrupt.code, CRASH_MESSAGE)
