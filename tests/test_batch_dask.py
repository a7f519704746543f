"""The batch on a local Dask cluster: bytes travel with the tasks, outcomes stream back."""

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
