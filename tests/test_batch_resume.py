"""Interrupting a batch: kill -9 of the whole process group, or Ctrl-C, then --resume."""

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
SCRIPT = """
import sys
from pathlib import Path
from batch_fakes import keyword_analyzer
from service.batch.driver import plan_batch, run_batch
from service.batch.journal import RunHeader
from service.batch.tasks import WorkConfig
plan = plan_batch([sys.argv[1]], header=RunHeader(profile="toy"), config=WorkConfig(),
                  outputs=[Path(sys.argv[2])], workers=2, resume=sys.argv[3] == "resume")
sys.exit(run_batch(plan, keyword_analyzer).exit_code)
"""
N = 24


def _start(folder: Path, out: Path, resume: bool = False) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS), str(TESTS.parent)])}
    return subprocess.Popen([sys.executable, "-c", SCRIPT, str(folder), str(out),
                             "resume" if resume else "fresh"], env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _records(journal: Path) -> int:
    return max(0, journal.read_bytes().count(b"\n") - 1) if journal.exists() else 0


def _rows(out: Path) -> list[tuple[str, str, str, str]]:
    with out.open(newline="") as fh:
        return [(r["path"], r["status"], r["score"], r["error_code"]) for r in csv.DictReader(fh)]


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(N):
        text = "@@bug@@" if i == 5 else f"@@slow@@ python {'sql ' * (i % 3)}{i}"
        (inputs / f"resume{i:02d}.txt").write_text(text)
    return inputs


def _interrupt_then_resume(folder: Path, tmp_path: Path, sig: int) -> tuple[int, Path]:
    out = tmp_path / "killed" / "results.csv"
    out.parent.mkdir()
    proc = _start(folder, out)
    journal = out.with_name("results.csv.journal.jsonl")
    deadline = time.monotonic() + 60
    while _records(journal) < 6:
        assert proc.poll() is None, proc.stderr.read().decode()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    os.killpg(proc.pid, sig)
    code = proc.wait(30)
    assert 6 <= _records(journal) < N
    return code, out


@pytest.mark.slow
def test_kill_9_then_resume_equals_an_uninterrupted_run(folder: Path, tmp_path: Path) -> None:
    code, out = _interrupt_then_resume(folder, tmp_path, signal.SIGKILL)
    assert code == -signal.SIGKILL
    resumed = _start(folder, out, resume=True)
    assert resumed.wait(60) == 1  # one file fails on purpose
    clean_out = tmp_path / "clean" / "results.csv"
    assert _start(folder, clean_out).wait(60) == 1
    rows, clean = _rows(out), _rows(clean_out)
    assert len(rows) == len(set(rows)) == N
    assert sorted(rows) == sorted(clean)


@pytest.mark.slow
def test_ctrl_c_leaves_a_valid_partial_output_and_resume_finishes(folder: Path,
                                                                   tmp_path: Path) -> None:
    code, out = _interrupt_then_resume(folder, tmp_path, signal.SIGINT)
    assert code == 130
    partial = _rows(out)
    assert 6 <= len(partial) < N and len(set(partial)) == len(partial)
    assert _start(folder, out, resume=True).wait(60) == 1
    rows = _rows(out)
    assert len(rows) == len(set(rows)) == N and set(partial) <= set(rows)
