"""Every CLI message has one shape: ``skillmatch <command>: …`` on one line, exit 2 for bad usage
and 1 when a document could not be read or scored; help shows a placeholder only for an option
that takes a value."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from service.cli import app

ROOT = Path(__file__).resolve().parents[1]
RESUME = ROOT / "samples" / "resumes" / "ml-engineer.txt"
runner = CliRunner()

COMMANDS = [["extract"], ["score"], ["job"], ["batch"], ["evaluate"], ["serve"], ["keys", "create"],
            ["keys", "list"], ["keys", "revoke"], ["db", "upgrade"], ["profile", "list"],
            ["profile", "show"], ["taxonomy", "validate"], ["taxonomy", "list"],
            ["taxonomy", "show"], [], ["keys"], ["taxonomy"]]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "skillmatch")
def test_help_shows_placeholders_only_for_options_with_values(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert not re.search(r"<[a-z]", text), text  # no <bool>, <str>, <list[Path]>
    assert "{" not in text.split("\n\n")[0], text  # usage line: no {INPUT...}...
    assert "......" not in text and "\\[" not in text
    assert re.search(r"^  --help {2,}Show this message", text, re.MULTILINE), text


def test_flags_stand_alone_and_options_name_their_value() -> None:
    text = runner.invoke(app, ["batch", "--help"]).stdout
    assert "Usage: skillmatch batch [OPTIONS] INPUT...\n" in text
    assert re.search(r"^  --resume {2,}Continue", text, re.MULTILINE)
    assert re.search(r"^  --fail-fast {2,}Stop", text, re.MULTILINE)
    assert "-o, --out FILE" in text and "-w, --workers N" in text and "-p, --profile NAME" in text
    extract = runner.invoke(app, ["extract", "--help"]).stdout
    assert "Usage: skillmatch extract [OPTIONS] PATH...\n" in extract
    assert "-f, --format [table|json|jsonl|jsonresume]" in extract


@pytest.mark.parametrize(("args", "says"), [
    (["extract", "--nope", "x"], "skillmatch extract: No such option: --nope"),
    (["extract"], "skillmatch extract: Missing argument 'PATH'"),
    (["score", str(RESUME), "--format", "xml"],
     "skillmatch score: Invalid value for '--format' / '-f': 'xml' is not one of"),
    (["batch", str(RESUME), "--workers", "0"], "skillmatch batch: Invalid value for '--workers'"),
    (["nope"], "skillmatch: No such command 'nope'"),
    (["keys", "create", "--name", " "], "skillmatch keys create: Invalid value for --name"),
])
def test_usage_errors_are_one_line_with_the_command_and_exit_2(args: list[str], says: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(says), lines
    assert lines[0].endswith("--help'.") and "Value error" not in lines[0]
    assert result.stdout == ""


def test_a_folder_where_a_file_is_expected_is_bad_usage(tmp_path: Path) -> None:
    for args, says in [
        (["score", str(tmp_path)], f"skillmatch score: {tmp_path} is a folder: give one resume "
         f"file (`skillmatch batch {tmp_path}` scores every resume in a folder)."),
        (["job", str(tmp_path)], f"skillmatch job: {tmp_path} is a folder: give one job posting "
         "file."),
    ]:
        result = runner.invoke(app, args)
        assert result.exit_code == 2, result.output
        assert result.stderr.strip() == says


def test_evaluate_tells_a_missing_gold_file_from_a_folder(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["evaluate", str(tmp_path / "nope.jsonl")])
    assert missing.exit_code == 2
    assert missing.stderr.strip() == (
        f"skillmatch evaluate: {tmp_path / 'nope.jsonl'}: No such gold file.")
    (tmp_path / "gold.jsonl").write_text("")
    folder = runner.invoke(app, ["evaluate", str(tmp_path)])
    assert folder.exit_code == 2
    assert folder.stderr.strip() == (
        f"skillmatch evaluate: {tmp_path} is a folder: give the gold JSONL file "
        "(it holds gold.jsonl).")


def test_score_with_both_profile_and_job_is_bad_usage() -> None:
    result = runner.invoke(app, ["score", str(RESUME), "--profile", "ml-engineer", "--job",
                                 str(RESUME)])
    assert result.exit_code == 2
    assert result.stderr.strip() == "skillmatch score: give --profile or --job, not both."


def test_serve_on_a_port_in_use_says_so_in_one_line() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-c", "from service.cli import app; app()", "serve", "--port",
             str(port)], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"skillmatch serve: cannot listen on 127.0.0.1:{port}: Address already in use (another "
        "program listens there: stop it or choose another --port)"]


def test_job_table_names_the_years_once(tmp_path: Path) -> None:
    posting = tmp_path / "jd.txt"
    posting.write_text("Machine Learning Engineer\nRequirements:\n"
                       "- 3+ years of experience with Python\n- Docker\n", encoding="utf-8")
    result = runner.invoke(app, ["job", str(posting)], terminal_width=200)
    assert result.exit_code == 0, result.output
    items = [line.split("│")[1].strip() for line in result.stdout.splitlines()
             if line.startswith("│ Python")]
    assert items == ["Python (3+ years)"], items

