"""How ``extract``, ``score``, ``job`` and ``batch`` read their files and report bad input.

One reader for every command (``service.documents.files``): job postings in any format, pipes and
oversized files refused before they are read, bad usage exit 2, a failed document exit 1, and bad
configuration one line on stderr.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pdfgen
import pytest
from typer.testing import CliRunner

from service.cli import app
from service.errors import InputError, NotFound, TooLarge
from service.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
RESUME = ROOT / "samples" / "resumes" / "ml-engineer.txt"
POSTING = ROOT / "samples" / "jobs" / "data-scientist.txt"

pytestmark = pytest.mark.skipif(not (RESUME.exists() and POSTING.exists()),
                                reason="samples not present")


def _cli(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None,
         limit_memory: int | None = None) -> subprocess.CompletedProcess:
    """``skillmatch ARGS`` in a fresh process (the console script's entry point)."""
    def cap() -> None:
        if limit_memory:
            resource.setrlimit(resource.RLIMIT_AS, (limit_memory, limit_memory))

    command = [sys.executable, "-c", "from service.cli import app; app()", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False,
                          cwd=cwd, env={**os.environ, **(env or {})}, preexec_fn=cap)


@pytest.fixture(scope="module")
def posting_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("posting") / "posting.pdf"
    path.write_bytes(pdfgen.make_pdf(lines=POSTING.read_text().splitlines(), name=None))
    return path


def test_a_pdf_posting_reads_like_its_text(posting_pdf: Path) -> None:
    from service.documents.files import read_job_posting, read_path
    from service.settings import Settings

    settings = Settings()
    text = read_job_posting(posting_pdf, settings=settings)
    assert not text.startswith("%PDF") and "Data Scientist" in text
    assert text == read_path(posting_pdf, settings=settings).text


def test_batch_scores_a_pdf_posting_exactly_like_score(posting_pdf: Path, tmp_path: Path) -> None:
    scored = CliRunner().invoke(app, ["score", str(RESUME), "--job", str(posting_pdf),
                                      "--format", "json"])
    assert scored.exit_code == 0, scored.output
    expected = json.loads(scored.stdout)
    result = _cli("batch", str(RESUME), "--job", str(posting_pdf), "--workers", "1",
                  "--out", "out.jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "out.jsonl").read_text().splitlines()[0])["report"]
    assert report["profile"] == expected["profile"] and "PDF" not in report["profile"]
    assert report["score"] == expected["score"]


def _help(*args: str) -> str:
    """The help text of ``skillmatch ARGS --help`` as one line, without the panels' borders."""
    output = CliRunner().invoke(app, [*args, "--help"]).output
    return " ".join(output.replace("│", " ").split())


def test_batch_job_help_names_every_format() -> None:
    text = _help("batch")
    assert "(text file)" not in text
    assert "job posting (PDF, DOCX, RTF, TXT or Markdown)" in text


def _unusable_postings(folder: Path) -> dict[str, Path]:
    (folder / "long.txt").write_text("Python SQL Docker " * 300_000)  # 5.4 million characters
    (folder / "empty.txt").write_bytes(b"")
    os.mkfifo(folder / "pipe.txt")
    return {"long.txt": folder / "long.txt", "empty.txt": folder / "empty.txt",
            "pipe.txt": folder / "pipe.txt", "nope.txt": folder / "nope.txt"}


@pytest.mark.parametrize("name, says", [
    ("long.txt", "5,400,000 characters"), ("empty.txt", "no text"),
    ("pipe.txt", "Not a regular file"), ("nope.txt", "No such file")])
def test_batch_refuses_an_unusable_posting_in_one_line(tmp_path: Path, monkeypatch,
                                                      name: str, says: str) -> None:
    monkeypatch.chdir(tmp_path)
    posting = _unusable_postings(tmp_path)[name]
    result = CliRunner().invoke(app, ["batch", str(RESUME), "--job", str(posting)])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and str(posting) in lines[0] and says in lines[0], lines
    assert not (tmp_path / "skillmatch-results.csv.journal.jsonl").exists()


@pytest.mark.parametrize("command, code", [(["score", str(RESUME), "--job"], 2), (["job"], 1)])
def test_score_and_job_refuse_a_pipe_without_waiting(tmp_path: Path, command: list[str],
                                                     code: int) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    result = _cli(*command, str(tmp_path / "pipe.txt"))
    assert result.returncode == code
    assert result.stderr.strip().splitlines() == [
        (f"skillmatch {command[0]}: The job posting {tmp_path / 'pipe.txt'}: Not a regular file "
        "(a folder, pipe or device).")]


def test_extract_answers_a_pipe_and_a_huge_file_without_reading_them(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    with open(tmp_path / "huge.txt", "wb") as fh:
        fh.truncate(2 << 30)  # sparse: 2 GB of nothing on disk
    result = _cli("extract", "pipe.txt", "huge.txt", "--format", "jsonl", cwd=tmp_path,
                  limit_memory=1_500_000_000)
    assert result.returncode == 1, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    codes = {r["path"]: r["error"]["code"] for r in map(json.loads, result.stdout.splitlines())}
    assert codes == {"pipe.txt": "invalid_request", "huge.txt": "too_large"}
    assert result.stderr.splitlines() == [
        "skillmatch extract: pipe.txt: Not a regular file (a folder, pipe or device).",
        ("skillmatch extract: huge.txt: The file is 2,048 MB; the limit is 10 MB "
        "(SKILLMATCH_MAX_UPLOAD_BYTES).")]


def test_score_and_job_refuse_a_huge_file_under_a_memory_cap(tmp_path: Path) -> None:
    with open(tmp_path / "huge.txt", "wb") as fh:
        fh.truncate(2 << 30)
    for args in (["score", "huge.txt"], ["job", "huge.txt"]):
        result = _cli(*args, cwd=tmp_path, limit_memory=1_500_000_000)
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-2000:]
        assert "huge.txt" in result.stderr and "the limit is 10 MB" in result.stderr


def test_reader_stops_at_the_limit_and_types_every_refusal(tmp_path: Path) -> None:
    from service.documents.files import read_limited

    small = tmp_path / "cv.txt"
    small.write_bytes(b"Python " * 100)
    assert read_limited(small, 700) == b"Python " * 100
    (tmp_path / "big.txt").write_bytes(b"x" * 701)
    with pytest.raises(TooLarge, match="The file is 701 bytes; the limit is 700 bytes"):
        read_limited(tmp_path / "big.txt", 700)
    with pytest.raises(NotFound):
        read_limited(tmp_path / "missing.txt", 700)
    with pytest.raises(InputError, match="Not a regular file"):
        read_limited(tmp_path, 700)
    with pytest.raises(InputError, match="Not a regular file"):
        read_limited("/dev/zero", 700)
    default = Settings().max_upload_bytes
    with open(tmp_path / "just-over.txt", "wb") as fh:
        fh.truncate(default + 1)
    with pytest.raises(TooLarge, match=r"the limit is 10 MB \(SKILLMATCH_MAX_UPLOAD_BYTES\)"):
        read_limited(tmp_path / "just-over.txt", default)


def test_scheduler_without_the_dask_extra_is_bad_usage_and_keeps_the_journal(
        tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setitem(sys.modules, "distributed", None)  # `import distributed` fails
    journal = tmp_path / "skillmatch-results.csv.journal.jsonl"
    journal.write_text('{"earlier": "run"}\n')
    result = CliRunner().invoke(app, ["batch", str(RESUME), "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code == 2, result.output
    assert result.output.strip() == (
        "skillmatch batch: the --scheduler option needs the dask extra: "
        "pip install 'skillmatch[dask]'")
    assert journal.read_text() == '{"earlier": "run"}\n'


def test_bad_configuration_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    (tmp_path / "block").mkdir()
    (tmp_path / "block" / "sitecustomize.py").write_text(
        "import sys\nsys.modules['psycopg'] = None\n")
    blocked = os.pathsep.join([str(tmp_path / "block"), os.environ.get("PYTHONPATH", "")])
    cases = [
        ({"SKILLMATCH_MAX_UPLOAD_BYTES": "abc"}, ["extract", str(RESUME)],
         ("skillmatch extract: configuration: SKILLMATCH_MAX_UPLOAD_BYTES: Input should be a valid "
         "integer")),
        ({"SKILLMATCH_DATA_DIR": "/proc/nope"}, ["keys", "create", "--name", "x"],
         "skillmatch keys create: cannot create the data directory /proc/nope: "),
        ({"SKILLMATCH_DATA_DIR": str(tmp_path / "a-file")}, ["db", "upgrade"],
         f"skillmatch db upgrade: cannot create the data directory {tmp_path / 'a-file'}: "),
        ({"SKILLMATCH_DATABASE_URL": "postgresql://u@127.0.0.1:1/db",
          "PYTHONPATH": blocked}, ["keys", "create", "--name", "x"],
         ("skillmatch keys create: configuration: SKILLMATCH_DATABASE_URL: the database driver "
         "'psycopg' is not installed: pip install 'skillmatch[postgres]'")),
    ]
    (tmp_path / "db-is-a-folder").mkdir()
    (tmp_path / "db-is-a-folder" / "skillmatch.db").mkdir()
    cases += [
        ({"SKILLMATCH_DATA_DIR": str(tmp_path / "db-is-a-folder")}, ["db", "upgrade"],
         "skillmatch db upgrade: cannot open the database sqlite:///"),
        ({"SKILLMATCH_DATABASE_URL": "postgresql://u:secret@127.0.0.1:1/db"},
         ["keys", "create", "--name", "x"],
         ("skillmatch keys create: cannot open the database postgresql://u:***@127.0.0.1:1/db: "
          "connection failed")),
    ]
    for env, args, message in cases:
        result = _cli(*args, env=env, cwd=tmp_path)
        assert result.returncode == 2, (args, result.stderr[-2000:])
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(message), (args, lines)


@pytest.fixture
def corrupt_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "broken.pdf"
    path.write_bytes(pdfgen.truncated_pdf())
    return path


@pytest.mark.parametrize("args, code", [
    (["extract", "nope.txt"], 2),
    (["score", "nope.txt"], 2),
    (["job", "nope.txt"], 2),
    (["batch", "nope.txt"], 2),
    (["score", str(RESUME), "--profile", "astronaut"], 2),
    (["batch", str(RESUME), "--profile", "astronaut"], 2),
    (["score", str(RESUME), "--job", "nope.txt"], 2),
    (["extract", "broken.pdf"], 1),
    (["score", "broken.pdf"], 1),
    (["job", "broken.pdf"], 1),
])
def test_one_exit_code_rule_for_every_command(tmp_path: Path, monkeypatch, corrupt_pdf: Path,
                                              args: list[str], code: int) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, args)
    assert result.exit_code == code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.parametrize("command", ["extract", "score", "job", "batch"])
def test_every_reading_command_documents_its_exit_codes(command: str) -> None:
    text = _help(command)
    assert "Exit code: 0" in text and "2 for bad usage" in text


def test_help_shows_no_raw_rst_markup() -> None:
    for args in (["profile", "list", "--help"], ["profile", "show", "--help"], ["--help"]):
        assert "``" not in CliRunner().invoke(app, args).output


def _shared() -> Path:
    env = os.environ.get("SKILLMATCH_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


@pytest.mark.shared
def test_scaling_doc_counts_the_torture_set_like_the_documents_doc() -> None:
    torture = _shared() / "pdf-torture"
    if not torture.is_dir():
        pytest.skip("../shared/pdf-torture is not available")
    pdfs = sum(1 for p in torture.rglob("*") if p.suffix.lower() == ".pdf")
    scaling = " ".join((ROOT / "docs" / "scaling.md").read_text().split())
    documents = " ".join((ROOT / "docs" / "documents.md").read_text().split())
    assert f"The {pdfs} damaged PDFs" in documents
    assert f"On the {pdfs} damaged PDFs" in scaling
    assert "32 results" in documents and "36 `corrupt`" in documents
    assert "(32 ok, 36 `corrupt`" in scaling
