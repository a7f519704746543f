"""``skillmatch batch`` end to end with the real reader, extractor and scorer."""

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pdfgen
import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "resumes"


def _batch(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    command = [sys.executable, "-c", "from service.cli import app; app()", "batch", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300,
                          check=False)


def _docx(path: Path) -> None:
    document = docx.Document()
    document.add_heading("Skills", level=1)
    document.add_paragraph("Python, SQL, scikit-learn, TensorFlow, Docker, statistics")
    document.add_heading("Experience", level=1)
    document.add_paragraph("Machine Learning Engineer, Northwind, 2018 - 2024")
    document.save(path)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("batch")
    resumes = root / "resumes"
    (resumes / "pdf").mkdir(parents=True)
    (resumes / "pdf" / "one-column.pdf").write_bytes(pdfgen.make_pdf())
    (resumes / "pdf" / "two-column.pdf").write_bytes(pdfgen.make_pdf(columns=2))
    (resumes / "broken.pdf").write_bytes(pdfgen.truncated_pdf())
    (resumes / "scan.pdf").write_bytes(pdfgen.image_only_pdf())
    _docx(resumes / "word.docx")
    for name in ("ml-engineer.txt", "backend-developer.txt", "non-technical.txt"):
        shutil.copy(SAMPLES / name, resumes / name)
    (resumes / "notes.png").write_bytes(pdfgen.png_bytes())  # not picked up from the folder
    (root / "photo.gif").write_bytes(pdfgen.gif_bytes())
    return root


@pytest.mark.slow
def test_batch_mixed_folder_writes_every_file_once(folder: Path) -> None:
    out = folder / "out"
    result = _batch("resumes", "photo.gif", "--workers", "2", "--out", "out/r.csv",
                    "--out", "out/r.jsonl", "--out", "out/r.html", cwd=folder)
    assert result.returncode == 1, result.stderr
    with (out / "r.csv").open(newline="") as fh:
        rows = {r["path"]: r for r in csv.DictReader(fh)}
    expected = {"resumes/pdf/one-column.pdf", "resumes/pdf/two-column.pdf", "resumes/broken.pdf",
                "resumes/scan.pdf", "resumes/word.docx", "resumes/ml-engineer.txt",
                "resumes/backend-developer.txt", "resumes/non-technical.txt", "photo.gif"}
    assert set(rows) == expected
    errors = {p: r["error_code"] for p, r in rows.items() if r["status"] == "error"}
    assert errors == {"resumes/broken.pdf": "corrupt", "resumes/scan.pdf": "no_text_layer",
                      "photo.gif": "unsupported_format"}
    scores = {p: float(r["score"]) for p, r in rows.items() if r["status"] == "ok"}
    assert scores["resumes/ml-engineer.txt"] > scores["resumes/backend-developer.txt"] > \
        scores["resumes/non-technical.txt"]
    assert scores["resumes/pdf/one-column.pdf"] > scores["resumes/non-technical.txt"]
    assert "Files: 9; rows: 9 (ok 6, corrupt 1, no_text_layer 1, unsupported_format 1)" in \
        result.stdout
    lines = [json.loads(line) for line in (out / "r.jsonl").read_text().splitlines()]
    assert {line["path"] for line in lines} == expected
    report = next(line["report"] for line in lines if line["path"] == "resumes/ml-engineer.txt")
    assert report["profile"] == "ml-engineer" and report["breakdown"]
    html = (out / "r.html").read_text()
    assert all(path in html for path in expected)
    resumed = _batch("resumes", "photo.gif", "--out", "out/r.csv", "--resume", cwd=folder)
    assert resumed.returncode == 1
    assert "This run analysed 0; skipped 9 already in the journal" in resumed.stdout


@pytest.mark.slow
def test_batch_against_a_job_has_the_job_groups_as_columns(folder: Path) -> None:
    jobs = sorted((ROOT / "samples" / "jobs").glob("*.txt"))
    if not jobs:
        pytest.skip("no sample job postings")
    result = _batch("resumes/ml-engineer.txt", "resumes/backend-developer.txt", "--job",
                    str(jobs[0]), "--workers", "1", "--out", "job.csv", cwd=folder)
    assert result.returncode == 0, result.stderr
    with (folder / "job.csv").open(newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        assert len(list(reader)) == 2
    assert header[:6] == ["path", "status", "score", "error_code", "error_message", "top_gaps"]
    assert len(header) > 6


@pytest.mark.parametrize("args, message", [
    (["nope/"], "No such file or folder: nope/"),
    (["resumes", "--out", "r.xlsx"], "Unknown output type 'r.xlsx'"),
    (["resumes", "--profile", "astronaut"], "Unknown profile 'astronaut'"),
    (["resumes", "--profile", "ml-engineer", "--job", "job.txt"],
     "Give a profile name or a job description, not both."),
])
def test_bad_usage_exits_2(folder: Path, args: list[str], message: str, monkeypatch) -> None:
    from typer.testing import CliRunner

    from service.cli import app

    monkeypatch.chdir(folder)
    (folder / "job.txt").write_text("Requirements: Python")
    result = CliRunner().invoke(app, ["batch", *args])
    assert result.exit_code == 2
    assert message in result.output


def _csv_rows(path: Path) -> list[tuple[str, ...]]:
    with path.open(newline="") as fh:
        return [tuple(row) for row in csv.reader(fh)][1:]


@pytest.mark.slow
def test_kill_9_of_the_process_group_then_resume_matches_a_clean_run(tmp_path: Path) -> None:
    import signal
    import time

    inputs = tmp_path / "in"
    inputs.mkdir()
    texts = sorted(SAMPLES.glob("*.txt"))
    for i in range(40):
        source = texts[i % len(texts)]
        (inputs / f"{i:02d}-{source.name}").write_text(source.read_text() + f"\nRef {i}\n")
    (inputs / "broken.pdf").write_bytes(pdfgen.truncated_pdf())
    command = [sys.executable, "-c", "from service.cli import app; app()", "batch", "in",
               "--workers", "2", "--out", "killed.csv"]
    proc = subprocess.Popen(command, cwd=tmp_path, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    journal = tmp_path / "killed.csv.journal.jsonl"
    deadline = time.monotonic() + 240
    while not journal.exists() or journal.read_bytes().count(b"\n") < 6:
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(30)
    done_before = journal.read_bytes().count(b"\n") - 1
    assert 5 <= done_before < 41
    resumed = _batch("in", "--workers", "2", "--out", "killed.csv", "--resume", cwd=tmp_path)
    assert resumed.returncode == 1, resumed.stderr
    assert f"skipped {done_before} already in the journal" in resumed.stdout
    clean = _batch("in", "--workers", "2", "--out", "clean.csv", cwd=tmp_path)
    assert clean.returncode == 1
    killed_rows, clean_rows = _csv_rows(tmp_path / "killed.csv"), _csv_rows(tmp_path / "clean.csv")
    assert len(killed_rows) == len(set(killed_rows)) == 41
    assert sorted(killed_rows) == sorted(clean_rows)


def _shared() -> Path:
    env = os.environ.get("SKILLMATCH_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


@pytest.mark.shared
@pytest.mark.slow
def test_every_damaged_pdf_of_the_torture_set_gets_one_typed_row(tmp_path: Path) -> None:
    torture = _shared() / "pdf-torture"
    if not torture.is_dir():
        pytest.skip("../shared/pdf-torture is not available")
    files = sorted(p for p in torture.rglob("*")
                   if p.is_file() and p.suffix.lower() in {".pdf", ".docx", ".txt", ".md"})
    result = _batch(str(torture), "--workers", "2", "--out", "torture.csv", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    rows = _csv_rows(tmp_path / "torture.csv")
    assert sorted(row[0] for row in rows) == sorted(str(p) for p in files)
    codes = {row[3] for row in rows if row[1] == "error"}
    assert "internal" not in codes and codes <= {
        "corrupt", "empty", "encrypted", "no_text_layer", "too_many_pages", "too_large",
        "text_too_long", "unsupported_format", "timeout"}
