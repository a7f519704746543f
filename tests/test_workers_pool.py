"""The generic worker pool (``service.workers.LocalPool``), observed through task results: which
process ran a task (its pid), typed failures, replacement, recycling, the bounded batch map."""

from __future__ import annotations

import os

import pool_probes
import pytest

from service.workers import Crashed, LocalPool, TaskRaised, TimedOut, WorkerSpec, WorkerStartError

SPEC = WorkerSpec(pool_probes.remember, pool_probes.act, "cfg")


@pytest.fixture(scope="module")
def pool():
    with LocalPool(SPEC, size=1, timeout=20) as pool:
        yield pool


def test_a_task_runs_in_another_process_with_the_setup_state(pool):
    state, value, worker = pool.call(("echo", 42))
    assert (state, value) == ("cfg", 42) and worker != os.getpid()
    assert pool.call(None, handle=pool_probes.pid) == worker


def test_an_exception_in_a_task_is_typed_without_its_message_and_the_worker_stays(pool):
    before = pool.call(None, handle=pool_probes.pid)
    with pytest.raises(TaskRaised) as caught:
        pool.call(("raise",))
    assert caught.value.kind == "ValueError" and "secret" not in str(caught.value)
    assert pool.call(None, handle=pool_probes.pid) == before


def test_a_timeout_kills_only_that_worker_and_the_next_task_gets_a_fresh_one():
    with LocalPool(SPEC, size=1, timeout=20) as pool:
        first = pool.call(None, handle=pool_probes.pid)
        with pytest.raises(TimedOut):
            pool.call(("sleep", 30), timeout=0.5)
        second = pool.call(None, handle=pool_probes.pid)
        assert second != first and pool.restarts == 1
        with pytest.raises(ProcessLookupError):
            os.kill(first, 0)


def test_a_crash_is_typed_and_the_worker_replaced():
    with LocalPool(SPEC, size=1, timeout=20) as pool:
        first = pool.call(None, handle=pool_probes.pid)
        with pytest.raises(Crashed):
            pool.call(("crash",))
        assert pool.call(None, handle=pool_probes.pid) != first


def test_a_progress_note_can_extend_the_deadline(pool):
    notes = []

    def extend(note):
        notes.append(note)
        return 20.0

    assert pool.call(("note", 0.8), timeout=0.5, on_note=extend)
    assert notes == [("slow part", 1)]


def test_a_timed_out_task_reports_its_last_note():
    with LocalPool(SPEC, size=1, timeout=20) as pool:
        with pytest.raises(TimedOut) as caught:
            pool.call(("note", 30), timeout=0.5)
        assert caught.value.note == ("slow part", 1) and caught.value.seconds == 0.5


def test_memory_cap_applies_to_each_worker():
    with LocalPool(SPEC, size=1, timeout=20, memory_mb=300) as pool:
        assert pool.call(("hog", 10)) == 10 * 1024 * 1024
        with pytest.raises(Crashed):  # MemoryError in a task ends its worker
            pool.call(("hog", 400))
        assert pool.call(("hog", 10))


def test_recycled_workers_are_replaced_in_the_background():
    with LocalPool(SPEC, size=1, timeout=20, max_tasks_per_worker=2) as pool:
        pool.warm()
        pids = []
        for _ in range(6):
            pids.append(pool.call(None, handle=pool_probes.pid))
            pool.settle()  # let a replacement finish starting
        # each worker serves two tasks; the next one is already running when it is worn out
        assert pids[0] == pids[1] != pids[2] == pids[3] != pids[4] == pids[5]
        assert len(set(pids)) == 3
        assert pool.starts == 4 and pool.background_starts == 3  # only warm() started one on
        assert pool.restarts == 0  # the caller's thread, none was killed


def test_map_unordered_gives_every_key_once_with_failures_as_values():
    pulled = 0

    def items():
        nonlocal pulled
        for i in range(9):
            pulled += 1
            yield i, ("crash",) if i % 4 == 0 else ("echo", i)

    seen = {}
    pool = LocalPool(SPEC, size=2, timeout=20)
    for key, result in pool.map_unordered(items()):
        assert pulled - len(seen) <= 4  # one per worker, one waiting, the one being handed out
        seen[key] = result
    assert sorted(seen) == list(range(9))
    assert all(isinstance(seen[i], Crashed) for i in (0, 4, 8))
    assert [seen[i][1] for i in (1, 2, 3, 5, 6, 7)] == [1, 2, 3, 5, 6, 7]
    assert pool.closed


def test_map_unordered_stops_when_asked_and_closes_the_pool():
    pool = LocalPool(SPEC, size=1, timeout=20)
    results = []
    for key, result in pool.map_unordered(((i, ("echo", i)) for i in range(50)),
                                          stop=lambda: len(results) >= 2):
        results.append(key)
    assert 2 <= len(results) < 50 and pool.closed
    with pytest.raises(RuntimeError):
        pool.call(("echo", 1))


def test_a_worker_that_cannot_set_up_stops_the_map_with_its_reason():
    pool = LocalPool(WorkerSpec(pool_probes.refuse, pool_probes.act), size=1, timeout=20,
                     name="toy worker")
    with pytest.raises(WorkerStartError, match="toy worker could not start: ValueError"):
        list(pool.map_unordered([(1, ("echo", 1))]))


def test_workers_ignore_ctrl_c_meant_for_the_parent(pool):
    import signal

    worker = pool.call(None, handle=pool_probes.pid)
    os.kill(worker, signal.SIGINT)
    assert pool.call(("echo", 1))[2] == worker
