"""Process-wide tuning: where each door freezes its start-up objects, and what freezing does."""

from __future__ import annotations

import gc

from service.batch import work
from service.batch.tasks import WorkConfig
from service.process import freeze_startup_objects


def test_freezing_moves_live_objects_out_of_the_collectors_scans() -> None:
    kept = [[index] for index in range(1000)]
    try:
        freeze_startup_objects()
        assert gc.get_freeze_count() >= len(kept)
        assert gc.isenabled()
    finally:
        gc.unfreeze()


def test_a_local_batch_worker_freezes_after_warm_up_and_a_dask_task_does_not(monkeypatch):
    from service import documents

    calls: list[str] = []
    monkeypatch.setattr(work, "freeze_startup_objects", lambda: calls.append("freeze"))
    monkeypatch.setattr(documents, "apply_worker_limits", lambda settings: calls.append("limits"))
    analyze = work.make_analyzer(WorkConfig(sandbox=True))
    assert calls == ["limits", "freeze"]
    assert '"skills"' in analyze(b"Skills: Python, SQL", "cv.txt")
    calls.clear()
    work.make_analyzer(WorkConfig(sandbox=False))  # (on Dask the worker process is the cluster's)
    assert calls == []
