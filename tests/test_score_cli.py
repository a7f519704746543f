"""``skillmatch score | job | profile`` end to end on the samples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from service.cli import app
from service.models import MatchReport, Profile

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
ML_RESUME = SAMPLES / "resumes" / "ml-engineer.txt"
MLE_JOB = SAMPLES / "jobs" / "ml-engineer.txt"
BACKEND_JOB = SAMPLES / "jobs" / "backend-engineer.txt"

pytestmark = pytest.mark.skipif(not (ML_RESUME.exists() and MLE_JOB.exists()),
                                reason="samples not present")
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


def test_score_json_is_the_match_report():
    result = run("score", str(ML_RESUME), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    report = MatchReport.model_validate(data)
    assert report.profile == "ml-engineer" and 0 <= report.score <= 100
    assert next(iter(data)) == "score"
    assert report.versions.profile == "ml-engineer@1"


def test_score_table_shows_score_evidence_and_gaps():
    result = run("score", str(ML_RESUME), "--profile", "ml-engineer")
    assert result.exit_code == 0, result.output
    for heading in ("Breakdown", "Matched", "Top gaps", "Versions"):
        assert heading in result.stdout


def test_score_against_a_job_description():
    result = run("score", str(ML_RESUME), "--job", str(MLE_JOB), "--format", "json")
    assert result.exit_code == 0, result.output
    report = MatchReport.model_validate_json(result.stdout)
    assert report.profile_kind == "job"
    assert report.profile.startswith("Senior Machine Learning Engineer")


def test_score_html_is_one_escaped_page(tmp_path):
    resume = tmp_path / "resume.txt"
    resume.write_text("Skills\nPython, <script>alert(1)</script> PyTorch\nExperience\n"
                      "Built models with PyTorch and scikit-learn.\n", encoding="utf-8")
    result = run("score", str(resume), "--format", "html")
    assert result.exit_code == 0, result.output
    assert result.stdout.lstrip().startswith("<!doctype html>")
    assert "<script>" not in result.stdout and "<link" not in result.stdout


def test_bad_file_gives_one_error_line_naming_it(tmp_path):
    missing = tmp_path / "nope.txt"
    result = run("score", str(missing))
    assert result.exit_code == 2
    assert "nope.txt" in result.stderr and result.stderr.count("\n") == 1


def test_profile_and_job_together_is_usage_error():
    result = run("score", str(ML_RESUME), "--profile", "ml-engineer", "--job", str(MLE_JOB))
    assert result.exit_code == 2


def test_unknown_profile_is_a_clear_error():
    result = run("score", str(ML_RESUME), "--profile", "astronaut")
    assert result.exit_code == 2
    assert "Unknown profile 'astronaut'" in result.stderr


def test_job_command_prints_the_profile():
    result = run("job", str(BACKEND_JOB), "--format", "json")
    assert result.exit_code == 0, result.output
    profile = Profile.model_validate_json(result.stdout)
    assert profile.kind == "job" and profile.experience.min_years == 4
    table = run("job", str(BACKEND_JOB))
    assert table.exit_code == 0 and "Required" in table.stdout


def test_profile_list_and_show():
    listed = run("profile", "list")
    assert listed.exit_code == 0 and "ml-engineer" in listed.stdout
    shown = run("profile", "show", "ml-engineer")
    assert shown.exit_code == 0 and "Machine Learning Engineer" in shown.stdout
    data = json.loads(run("profile", "show", "ml-engineer", "--format", "json").stdout)
    assert data["name"] == "ml-engineer"
