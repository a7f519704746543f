"""The local batch runner and driver with a keyword analyzer: every file once, crashes and hangs
become error rows, the batch goes on, and resume skips what is done."""

import csv
from collections import Counter
from pathlib import Path

import pytest
from batch_fakes import keyword_analyzer

from service.batch.driver import plan_batch, run_batch
from service.batch.journal import GroupColumn, RunHeader, iter_records
from service.batch.runner import LocalRunner
from service.batch.tasks import Task, WorkConfig
from service.settings import Settings

HEADER = RunHeader(profile="toy", groups=[GroupColumn(id="languages", name="Languages")])
SETTINGS = Settings(parse_timeout_s=1.0)


def _write(folder: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode() if isinstance(content, str) else content)


def _plan(tmp_path: Path, inputs: list[str], **kw):
    kw.setdefault("workers", 2)
    plan = plan_batch(inputs, header=HEADER, config=WorkConfig(settings=SETTINGS),
                      outputs=[tmp_path / "out" / "results.csv"], settings=SETTINGS, **kw)
    plan.task_timeout = 1.5
    return plan


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="") as fh:
        return list(csv.DictReader(fh))


def test_one_bad_file_never_stops_the_batch(tmp_path: Path) -> None:
    _write(tmp_path / "in", {
        "good1.txt": "Python SQL PyTorch", "good2.md": "Docker and statistics",
        "sub/good3.txt": "python", "crash.txt": "@@crash@@", "hang.txt": "@@hang@@",
        "bug.txt": "@@bug@@", "latin1.txt": "caf\xe9".encode("latin-1"),
        "good4.txt": "SQL", "good5.txt": "pytorch docker",
    })
    _write(tmp_path, {"resume.doc": "explicit unsupported file"})
    plan = _plan(tmp_path, [str(tmp_path / "in"), str(tmp_path / "resume.doc")])
    result = run_batch(plan, keyword_analyzer)
    rows = _rows(tmp_path / "out" / "results.csv")
    by_name = {Path(r["path"]).name: r for r in rows}
    assert len(rows) == len(by_name) == 10
    assert {n: r["error_code"] for n, r in by_name.items() if r["status"] == "error"} == {
        "crash.txt": "corrupt", "hang.txt": "timeout", "bug.txt": "internal",
        "latin1.txt": "corrupt", "resume.doc": "unsupported_format"}
    assert by_name["good1.txt"]["score"] == "60.0"
    assert result.counts == Counter({"ok": 5, "corrupt": 2, "timeout": 1, "internal": 1,
                                     "unsupported_format": 1})
    assert (result.total, result.processed, result.skipped) == (10, 10, 0)
    assert result.exit_code == 1


def test_all_good_exits_zero_and_resume_skips_by_content_hash(tmp_path: Path) -> None:
    _write(tmp_path / "in", {f"r{i}.txt": f"python {i}" for i in range(6)})
    first = run_batch(_plan(tmp_path, [str(tmp_path / "in")]), keyword_analyzer)
    assert first.exit_code == 0 and first.processed == 6
    _write(tmp_path / "in", {"r2.txt": "python sql now", "r6.txt": "docker"})
    second = run_batch(_plan(tmp_path, [str(tmp_path / "in")], resume=True), keyword_analyzer)
    assert (second.processed, second.skipped) == (2, 5)
    rows = _rows(tmp_path / "out" / "results.csv")
    assert sorted(Path(r["path"]).name for r in rows) == [f"r{i}.txt" for i in range(7)]
    assert {Path(r["path"]).name: r["score"] for r in rows}["r2.txt"] == "40.0"
    journal = tmp_path / "out" / "results.csv.journal.jsonl"
    assert len(list(iter_records(journal))) == 7


def test_fail_fast_stops_at_the_first_error(tmp_path: Path) -> None:
    _write(tmp_path / "in", {"a.txt": "@@bug@@", **{f"b{i}.txt": "@@slow@@ sql" for i in range(8)}})
    result = run_batch(_plan(tmp_path, [str(tmp_path / "in")], workers=1, fail_fast=True),
                       keyword_analyzer)
    assert result.stopped_early and result.exit_code == 1
    assert result.counts == Counter({"internal": 1})


def test_runner_replaces_dead_workers_and_keeps_in_flight_bounded(tmp_path: Path) -> None:
    pulled = 0

    def tasks():
        nonlocal pulled
        for i in range(12):
            pulled += 1
            text = "@@crash@@" if i % 4 == 0 else f"python {i}"
            yield Task(f"f{i}.txt", f"/f{i}", str(i), data=text.encode())

    runner = LocalRunner(keyword_analyzer, WorkConfig(), workers=2, task_timeout=5)
    seen = []
    for outcome in runner.run(tasks()):
        assert pulled - len(seen) <= 3  # at most one file per worker plus the one being handed out
        seen.append(outcome)
    assert sorted(o.path for o in seen) == sorted(f"f{i}.txt" for i in range(12))
    assert [o.code for o in seen].count("corrupt") == 3
    assert runner.restarts == 3


def test_bad_usage_is_an_input_error(tmp_path: Path) -> None:
    from service.errors import InputError

    with pytest.raises(InputError, match="Unknown output type 'r.xlsx'"):
        plan_batch([str(tmp_path)], header=HEADER, config=WorkConfig(), outputs=[tmp_path / "r.xlsx"])
    with pytest.raises(InputError, match="no supported files"):
        plan_batch([str(tmp_path)], header=HEADER, config=WorkConfig())


def test_a_worker_that_cannot_start_stops_the_batch_with_its_reason(tmp_path: Path) -> None:
    from batch_fakes import broken_taxonomy_analyzer

    from service.batch.runner import WorkerStartError

    _write(tmp_path / "in", {"a.txt": "python"})
    with pytest.raises(WorkerStartError, match="could not start: skills.yaml: entry python"):
        run_batch(_plan(tmp_path, [str(tmp_path / "in")], workers=1), broken_taxonomy_analyzer)
    assert _rows(tmp_path / "out" / "results.csv") == []


def test_a_named_pipe_is_an_error_row_not_a_hang(tmp_path: Path) -> None:
    import os

    _write(tmp_path / "in", {"a.txt": "python"})
    os.mkfifo(tmp_path / "in" / "pipe.txt")
    plan = _plan(tmp_path, [str(tmp_path / "in"), str(tmp_path / "in" / "pipe.txt")], workers=1)
    assert [Path(f.path).name for f in plan.files] == ["a.txt", "pipe.txt"]
    result = run_batch(plan, keyword_analyzer)
    assert result.counts == Counter({"ok": 1, "unreadable": 1})


def test_outputs_list_files_in_input_order_not_completion_order(tmp_path: Path) -> None:
    import json

    from service.batch.journal import iter_in_order

    _write(tmp_path / "in", {"a-slow.txt": "@@slow@@ python", "b.txt": "sql", "c.txt": "@@bug@@",
                             "d.txt": "docker", "sub/e.txt": "python sql"})
    _write(tmp_path, {"z-first.txt": "pytorch"})
    outputs = [tmp_path / "out" / name for name in ("r.csv", "r.jsonl", "r.html")]
    plan = plan_batch([str(tmp_path / "z-first.txt"), str(tmp_path / "in")], header=HEADER,
                      config=WorkConfig(settings=SETTINGS), outputs=outputs, workers=2,
                      settings=SETTINGS)
    run_batch(plan, keyword_analyzer)
    expected = ["z-first.txt", "a-slow.txt", "b.txt", "c.txt", "d.txt", "e.txt"]
    journal = tmp_path / "out" / "r.csv.journal.jsonl"
    assert [Path(r["path"]).name for r in iter_in_order(journal, [f.key for f in plan.files])] \
        == expected
    assert [Path(r["path"]).name for r in _rows(tmp_path / "out" / "r.csv")] == expected
    lines = (tmp_path / "out" / "r.jsonl").read_text().splitlines()
    assert [Path(json.loads(line)["path"]).name for line in lines] == expected
    html = (tmp_path / "out" / "r.html").read_text()
    errors = html[html.index('id="errors"'):html.index('id="candidates"')]
    assert "c.txt" in errors
