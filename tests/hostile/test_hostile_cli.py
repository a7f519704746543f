"""Every hostile file through the CLI doors: ``skillmatch extract`` and ``skillmatch batch``.

One run of each command over all the cases plus a good resume (a real user's mixed folder): each
bad file gets exactly one line naming it (stderr for extract, a row for batch) with its code,
the good files are read normally, and the command ends with exit code 1 within the limits.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import pdfgen
from tests.hostile.cases import CASES, GOOD_LINE, Case
from tests.hostile.conftest import HOSTILE_LIMITS

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_S = HOSTILE_LIMITS["parse_timeout_s"]
pytestmark = pytest.mark.slow


def _run(args: list[str], cwd: Path) -> tuple[subprocess.CompletedProcess, float]:
    env = {**os.environ, "SKILLMATCH_PARSE_TIMEOUT_S": str(TIMEOUT_S),
           "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", "from service.cli import app; app()", *args],
                            cwd=cwd, env=env, capture_output=True, text=True, timeout=600,
                            check=False)
    return result, time.monotonic() - started


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile-cli")
    inputs = root / "inputs"
    inputs.mkdir()
    for case in CASES:
        (inputs / f"{case.id}-{case.filename}").write_bytes(case.make())
    (inputs / "good-resume.pdf").write_bytes(pdfgen.make_pdf())
    (inputs / "good-notes.txt").write_text(GOOD_LINE + "\n")
    return root


def _name(case: Case) -> str:
    return f"inputs/{case.id}-{case.filename}"


@pytest.fixture(scope="module")
def extract_run(folder: Path):
    names = sorted(p.relative_to(folder).as_posix() for p in (folder / "inputs").iterdir())
    result, elapsed = _run(["extract", "--format", "jsonl", *names], folder)
    records = {r["path"]: r for r in map(json.loads, result.stdout.splitlines())}
    return result, elapsed, records


@pytest.fixture(scope="module")
def batch_run(folder: Path):
    result, elapsed = _run(["batch", "inputs", "--workers", "2", "--out", "out/r.csv",
                            "--out", "out/r.jsonl"], folder)
    with (folder / "out" / "r.csv").open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    return result, elapsed, rows


def _params() -> list:
    return [pytest.param(c, id=c.id) for c in CASES]


@pytest.mark.parametrize("case", _params())
def test_extract_answers_each_file_on_its_own(case: Case, extract_run) -> None:
    result, _, records = extract_run
    record = records[_name(case)]
    lines = [line for line in result.stderr.splitlines() if _name(case) in line]
    if case.ok:
        assert "error" not in record and lines == []
    else:
        code = record["error"]["code"]
        assert case.accepts_code(code), record
        assert len(lines) == 1 and lines[0].startswith(f"skillmatch extract: {_name(case)}: ")


def test_extract_reads_the_good_files_and_fails_overall(extract_run) -> None:
    result, elapsed, records = extract_run
    assert result.returncode == 1, result.stderr[-2000:]
    assert len(records) == len(CASES) + 2
    for good in ("inputs/good-resume.pdf", "inputs/good-notes.txt"):
        assert "python" in {s["id"] for s in records[good]["skills"]}
    assert "Traceback" not in result.stderr
    assert elapsed < 60 + TIMEOUT_S * len(CASES)


@pytest.mark.parametrize("case", _params())
def test_batch_gives_each_file_one_row(case: Case, batch_run) -> None:
    _, _, rows = batch_run
    mine = [r for r in rows if r["path"] == _name(case)]
    assert len(mine) == 1
    row = mine[0]
    if case.ok:
        assert row["status"] == "ok" and float(row["score"]) >= 0
    else:
        code = row["error_code"]
        assert row["status"] == "error", row
        assert case.accepts_code(code), row
        assert row["error_message"]


def test_batch_scores_the_rest_and_summarises(batch_run, folder: Path) -> None:
    result, elapsed, rows = batch_run
    assert result.returncode == 1, result.stderr[-2000:]
    assert elapsed < 60 + TIMEOUT_S * len(CASES)
    assert len(rows) == len({r["path"] for r in rows}) == len(CASES) + 2
    good = {r["path"]: r for r in rows if r["path"].startswith("inputs/good-")}
    assert all(r["status"] == "ok" and float(r["score"]) > 0 for r in good.values())
    failed = sum(1 for c in CASES if not c.ok)
    assert f"rows: {len(CASES) + 2} (ok {len(CASES) + 2 - failed}" in result.stdout
    assert "Traceback" not in result.stderr
    lines = (folder / "out" / "r.jsonl").read_text().splitlines()
    assert len(lines) == len(CASES) + 2
