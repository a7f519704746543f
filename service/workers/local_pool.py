"""``LocalPool``: worker processes on this machine, each running one task at a time.

(Over 350 lines on purpose: the worker handle, the slots and the spares share one lock and one
life cycle; split apart, each piece would need the others' private state.)

Why hand-written and not ``concurrent.futures.ProcessPoolExecutor`` (which does have
``max_tasks_per_child``, ``initializer`` and a spawn ``mp_context``): it cannot kill the one worker
whose task hangs or overran its time limit (killing it breaks the whole executor, failing every
other caller's task), a worker that dies does the same (``BrokenProcessPool``), its recycling
starts the replacement while callers wait, and a task cannot extend its own deadline (OCR). Here:

- each task has a wall-clock limit enforced by the parent: on expiry the worker is killed, the
  caller gets ``TimedOut`` and only that slot starts a new worker, on its next use;
- a worker that dies gives its caller ``Crashed``; the others go on;
- ``memory_mb`` caps each worker's address space (RLIMIT_AS, applied before ``setup``);
- after ``max_tasks_per_worker`` tasks a worker is recycled: its replacement starts in a
  background thread while the old one keeps serving, so no caller waits for a cold start;
- a task may send progress notes (``report_progress``); ``call(on_note=...)`` can answer with a
  new deadline.

Workers are fresh interpreters (``service.workers.child``) started with ``subprocess`` and talking
over a socket pair (``multiprocessing.connection``); concurrency in ``map_unordered`` uses a
``ThreadPoolExecutor`` with one thread per worker.
"""

from __future__ import annotations

import logging
import os
import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from multiprocessing.connection import Connection
from pathlib import Path
from socket import socketpair
from typing import Any, TypeVar

from .base import Crashed, TaskFailed, TaskRaised, TimedOut, WorkerSpec, WorkerStartError

log = logging.getLogger(__name__)
K = TypeVar("K")
_PROJECT_ROOT = str(Path(__file__).resolve().parents[2])


def _zombie(pid: int) -> bool:
    """Whether ``pid`` has exited but not been reaped (False where ``/proc`` is not there)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return False


class _Worker:
    """One worker process and the parent's end of its socket."""

    def __init__(self, spec: WorkerSpec, memory_mb: int | None, start_timeout: float,
                 name: str) -> None:
        # kill() may run on two threads at once (the pool closing, the call that hit a timeout):
        # the connection is closed once, under this lock
        self._close_lock = threading.Lock()
        parent, child = socketpair()
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (_PROJECT_ROOT, env.get("PYTHONPATH")) if p)
        # SIGINT blocked from here until the child ignores it (the mask survives exec): a Ctrl-C
        # meant for the parent cannot kill a worker half-way through its imports
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "service.workers.child", str(child.fileno())],
                pass_fds=[child.fileno()], stdin=subprocess.DEVNULL, env=env, close_fds=True)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
            child.close()
        self.conn = Connection(parent.detach())
        self.jobs = 0
        self.spare_requested = False  # a replacement is starting for this worn-out worker
        try:
            self.conn.send([p for p in sys.path if p])
            self.conn.send((memory_mb, spec))
            ready = self.conn.poll(start_timeout)
            kind, reason = self.conn.recv() if ready else ("silent", None)
        except (EOFError, OSError, ValueError):
            kind, reason = "exited", None
        if kind == "ready":
            return
        self.kill()
        if kind == "init_error":
            raise WorkerStartError(f"A {name} could not start: {reason}")
        if kind == "silent":
            raise WorkerStartError(f"A {name} did not start within {start_timeout:.0f} s.")
        raise WorkerStartError(f"A {name} exited while starting "
                               f"(exit code {self.process.returncode}).")

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        """Running, and not a zombie: a killed process whose other threads are still exiting
        shows as a zombie while ``waitpid`` cannot reap it yet (Linux ``/proc``)."""
        return self.process.poll() is None and not _zombie(self.process.pid)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            log.error("worker process %s did not exit after SIGKILL", self.process.pid)
        with self._close_lock:
            if not self.conn.closed:
                self.conn.close()

    def stop(self) -> None:
        try:
            with self._close_lock:  # (never a send on a connection another thread closed)
                if not self.conn.closed:
                    self.conn.send(None)
            self.process.wait(timeout=2)
        except (OSError, ValueError, subprocess.TimeoutExpired):
            pass
        self.kill()


class LocalPool:
    """``size`` worker processes running ``spec``; ``call`` blocks while all of them are busy."""

    def __init__(self, spec: WorkerSpec, *, size: int, timeout: float | None = None,
                 memory_mb: int | None = None, max_tasks_per_worker: int | None = None,
                 start_timeout: float = 60.0, name: str = "worker process") -> None:
        self.spec = spec
        self.size = max(1, size)
        self.timeout = timeout
        self.memory_mb = memory_mb
        self.max_tasks_per_worker = max_tasks_per_worker
        self.start_timeout = start_timeout
        self.name = name
        self._slots: queue.LifoQueue[_Worker | None] = queue.LifoQueue()
        for _ in range(self.size):
            self._slots.put(None)
        self._lock = threading.Lock()
        self._workers: set[_Worker] = set()
        self._spares: list[Future[_Worker]] = []  # replacements starting for worn-out workers
        self.closed = False
        self.starts = 0  # worker processes started, in the foreground or the background
        self.restarts = 0  # workers killed after a timeout or found dead
        self.background_starts = 0  # replacements started off the callers' threads

    # -- starting, replacing, retiring -------------------------------------------------------

    def _start(self) -> _Worker:
        worker = _Worker(self.spec, self.memory_mb, self.start_timeout, self.name)
        with self._lock:
            if not self.closed:
                self._workers.add(worker)
                self.starts += 1
                return worker
        worker.stop()
        raise RuntimeError("the worker pool is closed")

    def _discard(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._workers.discard(worker)
            if not self.closed:
                self.restarts += 1

    def _retire(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            self._workers.discard(worker)

    def _start_spare(self) -> None:
        """Start a replacement worker in a background thread (see ``_take_spare``)."""
        spare: Future[_Worker] = Future()
        with self._lock:
            self._spares.append(spare)

        def start() -> None:
            try:
                worker = self._start()
            except (WorkerStartError, OSError, RuntimeError) as exc:
                log.warning("a replacement %s failed to start: %s", self.name, exc)
                spare.set_exception(exc)
                return
            with self._lock:
                self.background_starts += 1
            spare.set_result(worker)

        threading.Thread(target=start, name="pool-spare", daemon=True).start()

    def _take_spare(self) -> _Worker | None:
        """A replacement that has finished starting, if any (a failed start is dropped: the
        worn-out worker keeps serving and asks for another one after its next task)."""
        with self._lock:
            for spare in self._spares:
                if spare.done():
                    self._spares.remove(spare)
                    break
            else:
                return None
        if spare.exception() is not None:
            return None
        worker = spare.result()
        return worker if worker.alive() else None

    def _acquire(self) -> _Worker:
        """A live worker for one slot: a ready replacement instead of a worn-out or dead
        worker, else a fresh start (only when the slot's worker died or never started)."""
        worker = self._slots.get()
        try:
            if self.closed:
                raise RuntimeError("the worker pool is closed")
            worn = (self.max_tasks_per_worker is not None and worker is not None
                    and worker.jobs >= self.max_tasks_per_worker)
            if worker is None or not worker.alive() or worn:
                spare = self._take_spare()
                if spare is None and worker is not None:
                    with self._lock:
                        worker.spare_requested = bool(self._spares)  # a failed start: ask again
                if spare is not None:
                    if worker is not None:
                        old = worker
                        threading.Thread(target=self._retire if old.alive() else self._discard,
                                         args=(old,), name="pool-retire", daemon=True).start()
                    return spare
            if worker is None or not worker.alive():
                if worker is not None:
                    self._discard(worker)
                worker = None
                worker = self._start()
            return worker
        except BaseException:
            self._slots.put(worker)
            raise

    def warm(self) -> None:
        """Start every worker now instead of on first use."""
        taken = [self._slots.get() for _ in range(self.size)]
        try:
            for index, worker in enumerate(taken):
                if worker is None or not worker.alive():
                    taken[index] = self._start()
        finally:
            for worker in taken:
                self._slots.put(worker)

    def settle(self, timeout: float = 60.0) -> None:
        """Wait until the replacements starting in the background have started (or failed)."""
        with self._lock:
            spares = list(self._spares)
        for spare in spares:
            spare.exception(timeout=timeout)

    # -- running tasks -----------------------------------------------------------------------

    def call(self, payload: Any, *, timeout: float | None = None,
             on_note: Callable[[Any], float | None] | None = None,
             handle: Callable[[Any, Any], Any] | None = None) -> Any:
        """Run ``handle(state, payload)`` (default ``spec.handle``) in a worker and return its
        result. ``timeout`` (default the pool's) is wall-clock seconds; ``on_note`` receives the
        task's progress notes and may return a new deadline, in seconds from then. Raises
        ``TimedOut``, ``Crashed`` or ``TaskRaised``; ``WorkerStartError`` if no worker starts."""
        if self.closed:
            raise RuntimeError("the worker pool is closed")
        limit = self.timeout if timeout is None else timeout
        worker: _Worker | None = self._acquire()
        try:
            try:
                worker.conn.send((handle, payload))
            except (OSError, ValueError):  # it died while idle, after the liveness check
                self._discard(worker)
                worker = None
                worker = self._start()
                worker.conn.send((handle, payload))
            note = None
            while True:
                try:
                    ready = worker.conn.poll(limit)
                except (OSError, ValueError):  # the pool closed it (killed) meanwhile
                    self._discard(worker)
                    worker = None
                    raise Crashed("the worker process stopped while running the task") from None
                if not ready:
                    self._discard(worker)
                    worker = None
                    raise TimedOut(limit or 0.0, note)
                try:
                    kind, value = worker.conn.recv()
                except (EOFError, OSError):
                    self._discard(worker)
                    worker = None
                    raise Crashed("the worker process stopped while running the task") from None
                if kind != "note":
                    break
                note = value
                extended = on_note(value) if on_note is not None else None
                if extended is not None:
                    limit = extended
            worker.jobs += 1
            if self.max_tasks_per_worker is not None and not worker.spare_requested \
                    and worker.jobs >= self.max_tasks_per_worker:
                worker.spare_requested = True
                self._start_spare()
        finally:
            self._slots.put(worker)
        if kind == "ok":
            return value
        raise TaskRaised(*value)

    def map_unordered(self, items: Iterable[tuple[K, Any]], *,
                      stop: Callable[[], bool] = lambda: False) -> Iterator[tuple[K, Any]]:
        """Yield ``(key, result or TaskFailed)`` in completion order, at most one payload per
        worker plus one waiting in flight (so a freed worker gets its next payload while the
        caller handles a result). Closing the iterator stops the pool."""
        done: queue.Queue[tuple[Any, Any]] = queue.Queue()
        pending = iter(items)
        exhausted = False
        in_flight = 0

        def run(key: Any, payload: Any) -> None:
            try:
                done.put((key, self.call(payload)))
            except TaskFailed as failure:
                done.put((key, failure))
            except BaseException as exc:  # noqa: BLE001 - re-raised on the caller's thread
                done.put((key, _Raise(exc)))

        executor = ThreadPoolExecutor(self.size + 1, thread_name_prefix="pool-call")
        try:
            while not stop():
                while not exhausted and in_flight <= self.size:
                    item = next(pending, None)
                    if item is None:
                        exhausted = True
                        break
                    executor.submit(run, *item)
                    in_flight += 1
                if in_flight == 0:
                    return
                try:
                    key, result = done.get(timeout=0.2)
                except queue.Empty:
                    continue
                in_flight -= 1
                if isinstance(result, _Raise):
                    raise result.exc
                yield key, result
        finally:
            self.close()
            executor.shutdown(wait=True, cancel_futures=True)

    def close(self) -> None:
        """Stop every worker: idle ones politely, busy ones by kill."""
        self.closed = True
        idle: list[_Worker] = []
        while True:
            try:
                worker = self._slots.get_nowait()
            except queue.Empty:
                break
            if worker is not None:
                idle.append(worker)
        for _ in range(self.size):  # wakes callers waiting for a slot: they see the pool closed
            self._slots.put(None)
        with self._lock:
            workers = list(self._workers)
            self._workers.clear()
        for worker in workers:
            if worker in idle:
                worker.stop()
            else:
                worker.kill()

    def __enter__(self) -> LocalPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Raise:
    """An unexpected exception from a ``map_unordered`` thread, to re-raise on the caller's."""

    def __init__(self, exc: BaseException) -> None:
        self.exc = exc
