"""The batch on a local Dask cluster: bytes travel with the tasks, outcomes stream back."""

import os
from collections import Counter
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

from batch_fakes import keyword_analyzer

from service.batch.driver import plan_batch, run_batch
from service.batch.journal import RunHeader, iter_records
from service.batch.tasks import WorkConfig


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0", silence_logs=50) as local:
        yield local


@pytest.mark.slow
def test_batch_on_a_local_dask_cluster(tmp_path: Path, cluster) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(20):
        (folder / f"r{i:02d}.txt").write_text(f"python sql {i}" if i != 7 else "@@bug@@")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.7 not really")
    (folder / "big.txt").write_bytes(b"python " * 200)
    out = tmp_path / "results.jsonl"
    config = WorkConfig()
    plan = plan_batch([str(folder)], header=RunHeader(profile="toy"), config=config,
                      outputs=[out], scheduler=cluster.scheduler_address)
    result = run_batch(plan, keyword_analyzer)
    assert result.counts == Counter({"ok": 20, "internal": 1, "unsupported_format": 1})
    records = list(iter_records(plan.journal))
    assert len({r["path"] for r in records}) == 22
    resumed = run_batch(plan_batch([str(folder)], header=RunHeader(profile="toy"), config=config,
                                   outputs=[out], scheduler=cluster.scheduler_address,
                                   resume=True), keyword_analyzer)
    assert (resumed.processed, resumed.skipped) == (0, 22)


def test_unreachable_scheduler_is_a_usage_error() -> None:
    from service.batch.dask_runner import DaskRunner
    from service.errors import InputError

    runner = DaskRunner(keyword_analyzer, WorkConfig(), scheduler="tcp://127.0.0.1:9",
                        connect_timeout=1)
    with pytest.raises(InputError, match="Could not reach the Dask scheduler at tcp://127.0.0.1:9"):
        next(runner.run([]))


@pytest.mark.slow
def test_a_file_that_kills_its_dask_worker_gets_a_corrupt_row(tmp_path: Path) -> None:
    import dask

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(5):
        (folder / f"r{i}.txt").write_text("@@crash@@" if i == 2 else f"python {i}")
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), distributed.LocalCluster(
            n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0",
            silence_logs=50) as local:
        plan = plan_batch([str(folder)], header=RunHeader(profile="toy"), config=WorkConfig(),
                          outputs=[tmp_path / "r.csv"], scheduler=local.scheduler_address)
        result = run_batch(plan, keyword_analyzer)
    assert result.counts == Counter({"ok": 4, "corrupt": 1})
    crashed = [r for r in iter_records(plan.journal) if r["status"] == "error"]
    assert [r["path"] for r in crashed] == [str(folder / "r2.txt")]


@pytest.mark.slow
def test_real_analyzer_on_dask_gives_reports_and_typed_errors(tmp_path: Path, cluster) -> None:
    import pdfgen

    from service.batch.work import describe_run, make_analyzer

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "resume.pdf").write_bytes(pdfgen.make_pdf())
    (folder / "resume.txt").write_text("Skills\nPython, PyTorch, SQL, Docker, AWS\n")
    (folder / "broken.pdf").write_bytes(pdfgen.truncated_pdf())
    (folder / "thick.pdf").write_bytes(pdfgen.many_pages_pdf(200))
    from tests.installed import context

    header = describe_run(context(), None, None)
    plan = plan_batch([str(folder)], header=header, config=WorkConfig(),
                      outputs=[tmp_path / "r.jsonl"], scheduler=cluster.scheduler_address)
    result = run_batch(plan, make_analyzer)
    assert result.counts == Counter({"ok": 2, "corrupt": 1, "too_many_pages": 1})
    reports = {Path(r["path"]).name: r["report"] for r in iter_records(plan.journal)
               if r["status"] == "ok"}
    assert reports["resume.pdf"]["profile"] == "ml-engineer" and reports["resume.pdf"]["score"] > 0


def test_worker_watch_stops_after_the_timeout_without_a_live_worker() -> None:
    from service.batch.dask_runner import ClusterGone, WorkerWatch

    class Client:
        workers: dict = {"tcp://w": 1}

        def nthreads(self) -> dict:
            return self.workers

    now = [0.0]
    client = Client()
    watch = WorkerWatch(client, "tcp://sched:8786", timeout=10, clock=lambda: now[0])
    watch.check()
    client.workers = {}
    for t in (1, 5, 10.5):  # gone since t=1: 9.5 s is not yet the timeout
        now[0] = t
        watch.check()
    client.workers = {"tcp://w2": 1}  # a worker came back: the clock starts over
    now[0] = 12
    watch.check()
    client.workers = {}
    now[0] = 13
    watch.check()
    now[0] = 23
    with pytest.raises(ClusterGone, match=r"No live Dask worker at tcp://sched:8786 for 10 s"):
        watch.check()


@pytest.mark.slow
def test_a_cluster_whose_workers_all_go_stops_and_resume_finishes(tmp_path: Path) -> None:
    from service.batch.dask_runner import ClusterGone
    from service.settings import Settings

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(24):
        (folder / f"r{i:02d}.txt").write_text(f"python @@slow@@ {i}")
    out = tmp_path / "r.csv"
    config = WorkConfig(settings=Settings(dask_no_worker_timeout_s=2))

    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                  dashboard_address=":0", silence_logs=50) as local:
        address = local.scheduler_address

        class RetireAfterFirst:
            def start(self, total: int) -> None: ...
            def skipped(self) -> None: ...
            def close(self) -> None: ...

            def finished(self, outcome) -> None:
                if local.workers:
                    local.scale(0)

        plan = plan_batch([str(folder)], header=RunHeader(profile="toy"), config=config,
                          outputs=[out], scheduler=address)
        with pytest.raises(ClusterGone, match=f"No live Dask worker at {address} for 2 s"):
            run_batch(plan, keyword_analyzer, progress=RetireAfterFirst())
        done = len(list(iter_records(plan.journal)))
        assert 0 < done < 24
        assert len(out.read_text().strip().splitlines()) == done + 1  # rendered from the journal
        local.scale(1)
        local.wait_for_workers(1, timeout=60)
        resumed = run_batch(plan_batch([str(folder)], header=RunHeader(profile="toy"),
                                       config=config, outputs=[out], scheduler=address,
                                       resume=True), keyword_analyzer)
    assert (resumed.processed, resumed.skipped) == (24 - done, done)
    assert resumed.counts == Counter({"ok": 24})


@pytest.mark.slow
def test_batch_cli_on_a_cluster_without_workers_exits_1_with_one_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text("Python and SQL.")
    with distributed.LocalCluster(n_workers=0, processes=True, dashboard_address=":0",
                                  silence_logs=50) as local:
        done = subprocess.run(
            [sys.executable, "-c", "from service.cli import app; app()", "batch",
             str(tmp_path / "a.txt"), "--scheduler", local.scheduler_address,
             "-o", str(tmp_path / "out.csv")],
            capture_output=True, text=True, timeout=120, check=False,
            env={**os.environ, "SKILLMATCH_DASK_NO_WORKER_TIMEOUT_S": "1"})
    errors = [line for line in done.stderr.splitlines() if line.startswith("skillmatch batch:")]
    assert done.returncode == 1, done.stderr
    assert errors == [f"skillmatch batch: No live Dask worker at {local.scheduler_address} for 1 s; "
                      "stopped. The outputs hold the files finished so far: run again with "
                      "--resume to go on."]
    assert (tmp_path / "out.csv").read_text().count("\n") == 1  # the header row only
