"""JSON Resume in (a resume.json read wherever a resume is) and out (``--format jsonresume``)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from service.batch.inputs import expand_inputs
from service.cli import app
from service.documents import parse_bytes
from service.documents.jsonresume import looks_like_json, read_json_resume
from service.documents.sniff import sniff
from service.errors import Empty, UnsupportedFormat

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()

# An invented resume, as JSON Resume and as the text a person would write for it.
RESUME = {
    "basics": {"name": "Ines Varga", "label": "Data Scientist", "email": "ines@example.org",
               "summary": "Analyst turned modeller."},
    "work": [
        {"name": "Quillfeather Labs", "position": "Machine Learning Engineer",
         "startDate": "2021-03", "summary": "Ranking and search.",
         "highlights": ["Trained ranking models with PyTorch",
                        "Served models on Kubernetes"]},
        {"name": "Moss & Pike", "position": "Data Analyst", "startDate": "2016-09-12",
         "endDate": "2020-11-30", "highlights": ["Weekly SQL reports in Tableau"]},
        {"name": "Ledgerline", "position": "Junior Analyst", "startDate": "2014",
         "endDate": "2016", "highlights": ["Excel models"]},
    ],
    "education": [{"institution": "Northfold University", "area": "Statistics",
                   "studyType": "Master of Science", "startDate": "2012", "endDate": "2014",
                   "courses": ["Bayesian statistics"]}],
    "skills": [{"name": "Languages", "keywords": ["Python", "Scala"]},
               {"name": "Libraries", "keywords": ["scikit-learn", "pandas"]}],
    "projects": [{"name": "Birdsong classifier", "description": "Audio CNN in TensorFlow",
                  "keywords": ["signal processing"]}],
    "publications": [{"name": "Cheap recall for search", "publisher": "Search Workshop",
                      "releaseDate": "2022-05-02", "summary": "Approximate nearest neighbours."}],
}
TEXT = """\
Ines Varga
ines@example.org

Summary
Data Scientist
Analyst turned modeller.

Experience
Machine Learning Engineer, Quillfeather Labs, Mar 2021 - Present
Ranking and search.
- Trained ranking models with PyTorch
- Served models on Kubernetes
Data Analyst, Moss & Pike, Sep 2016 - Nov 2020
- Weekly SQL reports in Tableau
Junior Analyst, Ledgerline, 2014 - 2016
- Excel models

Projects
Birdsong classifier
Audio CNN in TensorFlow
signal processing

Education
Master of Science, Statistics, Northfold University, 2012 - 2014
Bayesian statistics

Skills
Languages: Python, Scala
Libraries: scikit-learn, pandas

Publications
Cheap recall for search, Search Workshop, May 2022
Approximate nearest neighbours.
"""


@pytest.fixture()
def files(tmp_path: Path) -> dict[str, Path]:
    paths = {
        # named .txt on purpose: recognised by content, not by name
        "json": tmp_path / "ines-resume.txt",
        "text": tmp_path / "ines.txt",
        "broken": tmp_path / "broken.json",
        "other": tmp_path / "package.json",
    }
    paths["json"].write_text(json.dumps(RESUME, indent=2), encoding="utf-8")
    paths["text"].write_text(TEXT, encoding="utf-8")
    paths["broken"].write_text(
        '{"basics": {"name": "Ines", "summary": "I build forecasting models in Python and ship '
        'them with Docker for a chain of bakeries, so that every shop bakes what it will sell '
        'the next morning."},\n "work": [', encoding="utf-8")
    paths["other"].write_text('{"name": "left-pad", "version": "1.3.0"}', encoding="utf-8")
    return paths


def _score(path: Path) -> dict:
    result = runner.invoke(app, ["score", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _extract(path: Path) -> dict:
    result = runner.invoke(app, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)[0]


def test_json_and_text_give_the_same_skills_and_years(files):
    from_json, from_text = _extract(files["json"]), _extract(files["text"])
    assert {s["id"] for s in from_json["skills"]} == {s["id"] for s in from_text["skills"]}
    assert {"python", "pytorch", "kubernetes", "sql", "tensorflow"} <= {
        s["id"] for s in from_json["skills"]}
    years = {s["id"]: s["years"] for s in from_json["skills"]}
    assert years == {s["id"]: s["years"] for s in from_text["skills"]}
    json_report, text_report = _score(files["json"]), _score(files["text"])
    assert json_report["experience"]["total_years"] == text_report["experience"]["total_years"]
    assert json_report["experience"]["total_years"] >= 10
    assert json_report["score"] == text_report["score"]


def test_positions_come_from_the_dates_and_a_missing_end_is_current():
    doc = read_json_resume(json.dumps(RESUME), today=date(2025, 3, 1))
    assert doc.source_format == "jsonresume"
    assert [(p.title, p.employer) for p in doc.positions] == [
        ("Machine Learning Engineer", "Quillfeather Labs"), ("Data Analyst", "Moss & Pike"),
        ("Junior Analyst", "Ledgerline")]
    current, analyst, junior = doc.positions
    assert current.current and current.end is None and current.start == date(2021, 3, 1)
    assert analyst.start == date(2016, 9, 1) and analyst.end == date(2020, 11, 1)
    assert junior.start == date(2014, 1, 1) and junior.years == 2.0
    assert doc.text[current.text_start:current.text_end].startswith("Machine Learning Engineer")
    assert "Trained ranking models" in doc.text[current.text_start:current.text_end]
    assert [s.name for s in doc.sections] == [
        "summary", "experience", "projects", "education", "skills", "publications"]
    assert doc.education and doc.education[0].level == "master"


# A resume.json a portfolio site renders: JSON Resume's section names, its own keys inside them
BUILDERS_KEYS = {
    "work": [{"company": "Fernhollow", "title": "Data Engineer", "date": "Feb 2022 - Present",
              "bullets": ["Built Airflow pipelines into BigQuery"]}],
    "projects": [{"name": "Tide tables", "tech": "Kafka, Flink",
                  "bullets": ["Forecast tides with ARIMA models"]}],
    "education": [{"school": "Westmere College", "degree": "B.S. Statistics",
                   "date": "2015 - 2019", "gpa": "3.8"}],
}


def test_keys_a_builder_adds_to_the_schemas_sections_are_read_not_dropped():
    doc = read_json_resume(json.dumps(BUILDERS_KEYS), today=date(2025, 3, 1))
    for value in ("Built Airflow pipelines into BigQuery", "Kafka, Flink",
                  "Forecast tides with ARIMA models"):
        assert value in doc.text
    # the header shows what the schema's own keys would hold, and the dates give a position
    assert "Data Engineer, Fernhollow, Feb 2022 - Present" in doc.text
    assert "B.S. Statistics, Westmere College, 2015 - 2019" in doc.text
    [position] = doc.positions
    assert (position.title, position.employer, position.start, position.current) == (
        "Data Engineer", "Fernhollow", date(2022, 2, 1), True)
    assert [(e.level, e.field) for e in doc.education] == [("bachelor", "statistics")]
    pointers = {doc.text[b.start:b.end]: b.pointer for b in doc.blocks}
    assert pointers["Kafka, Flink"] == "/projects/0/tech"
    assert pointers["Built Airflow pipelines into BigQuery"] == "/work/0/bullets/0"
    assert pointers["Westmere College"] == "/education/0/school"
    assert doc.text.count("Fernhollow") == 1  # (a key shown in the header is not repeated)


def test_a_builders_key_repeating_the_schemas_value_is_written_once():
    # (a builder's "company" beside the schema's "name", a "school" beside "institution")
    data = {"work": [{"name": "Fernhollow", "company": "Fernhollow", "position": "Data Engineer",
                      "startDate": "2022-02", "tech": "Airflow, BigQuery"}],
            "education": [{"institution": "Westmere College", "school": "Westmere college",
                           "studyType": "B.S.", "area": "Statistics", "startDate": "2015"}]}
    doc = read_json_resume(json.dumps(data), today=date(2025, 3, 1))
    assert doc.text.count("Fernhollow") == 1 and doc.text.lower().count("westmere") == 1
    assert "Airflow, BigQuery" in doc.text and not doc.warnings[1:]
    assert [(p.title, p.employer) for p in doc.positions] == [("Data Engineer", "Fernhollow")]


def test_evidence_carries_the_json_pointer_it_came_from(files):
    skills = {s["id"]: s for s in _extract(files["json"])["skills"]}
    assert skills["scala"]["evidence"][0]["pointer"] == "/skills/0/keywords/1"
    assert skills["pandas"]["evidence"][0]["pointer"] == "/skills/1/keywords/1"
    assert skills["pytorch"]["evidence"][0]["pointer"] == "/work/0/highlights/0"
    assert skills["tensorflow"]["evidence"][0]["pointer"] == "/projects/0/description"
    text_skills = _extract(files["text"])["skills"]
    assert all(e["pointer"] is None for s in text_skills for e in s["evidence"])


def test_recognised_by_content():
    assert sniff(json.dumps(RESUME).encode()) == "json"
    assert sniff(b'  [ {"a": 1} ]') == "json"
    assert sniff(b"[1, 2, 3]") == "json"
    assert sniff(b'{"work": [') == "json"  # broken JSON is still JSON, then read as text
    assert sniff(b"[Jane Doe]\nData analyst\nSkills: Python") == "text"
    assert sniff(b"{Jane} Doe, Python developer") == "text"
    assert not looks_like_json("Experience\n{json} parsing in Python")


@pytest.mark.parametrize(("data", "error", "words"), [
    (b'{"name": "left-pad", "version": "1.3.0"}', UnsupportedFormat, "not a JSON Resume"),
    (b'["Python", "SQL"]', UnsupportedFormat, "not a JSON Resume"),
    # (schema sections holding no text make no JSON Resume: other JSON, with too little prose)
    (b'{"basics": {}, "work": []}', UnsupportedFormat, "not a JSON Resume"),
    (b'{"basics": {"url": {"href": "https://ines.example.org"}}, "skills": 42}',
     UnsupportedFormat, "not a JSON Resume"),
    (b'{"basics": {"name": ["Ines Varga"]}, "work": [{"startDate": "2020"}]}', Empty,
     "no text"),
])
def test_json_with_nothing_to_read_gets_a_clear_typed_error(data, error, words):
    with pytest.raises(error, match=words):
        parse_bytes(data)


def test_cli_extract_and_score_read_broken_json_and_refuse_a_package_json_naming_it(files):
    for command in ("extract", "score"):
        result = runner.invoke(app, [command, str(files["other"])])
        assert result.exit_code == 1, (command, result.output)
        assert str(files["other"]) in result.stderr
        assert "Traceback" not in result.output
        read = runner.invoke(app, [command, str(files["broken"])])
        assert read.exit_code == 0, (command, read.output)
    result = runner.invoke(app, ["extract", str(files["other"]), "--format", "jsonl"])
    assert json.loads(result.stdout)["error"]["code"] == "unsupported_format"
    report = _score(files["broken"])
    assert "Could not be read as JSON (line 2, column 11): read as plain text." in report[
        "warnings"]


def test_batch_reads_json_resumes_from_folders_and_reports_bad_ones(files, tmp_path):
    folder = files["json"].parent
    (folder / "ines.json").write_text(json.dumps(RESUME), encoding="utf-8")
    picked = {Path(f.path).name for f in expand_inputs([str(folder)])}
    assert {"ines.json", "broken.json", "package.json", "ines.txt"} <= picked
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-c", "from service.cli import app; app()", "batch",
               str(folder / "ines.json"), str(files["broken"]), str(files["other"]),
               "--workers", "1", "--out", str(out)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 1, done.stderr
    rows = {Path(r["path"]).name: r for r in map(json.loads, out.read_text().splitlines())}
    assert rows["ines.json"]["report"]["score"] > 0 and "error" not in rows["ines.json"]
    assert "error" not in rows["broken.json"]  # read as text
    assert rows["package.json"]["error"]["code"] == "unsupported_format"


def test_api_analyze_and_resumes_accept_json_resume_and_refuse_a_package_json(api_client, auth):
    body = json.dumps(RESUME).encode()
    analyzed = api_client.post("/v1/analyze", files={"file": ("me.json", body, "application/json")})
    assert analyzed.status_code == 200, analyzed.text
    skills = {s["id"] for s in analyzed.json()["extraction"]["skills"]}
    assert {"python", "pytorch", "kubernetes"} <= skills
    assert analyzed.json()["report"]["experience"]["total_years"] >= 10
    stored = api_client.post("/v1/resumes", files={"file": ("me.json", body, "text/plain")},
                             headers=auth)
    assert stored.status_code == 201, stored.text
    broken = (b'{"basics": {"summary": "I build forecasting models in Python and ship them with'
              b' Docker for a chain of bakeries, so that every shop bakes what it will sell the'
              b' next morning."}, "work": [')
    other = b'{"name": "left-pad"}'
    read = api_client.post("/v1/analyze", files={"file": ("x.json", broken, "application/json")})
    assert read.status_code == 200, read.text
    assert read.json()["extraction"]["document"]["warnings"] == [
        "Could not be read as JSON (line 1, column 186): read as plain text."]
    kept = api_client.post("/v1/resumes", files={"file": ("x.json", broken, "application/json")},
                           headers=auth)
    assert kept.status_code == 201, kept.text
    for response in (
        api_client.post("/v1/analyze", files={"file": ("x.json", other, "application/json")}),
        api_client.post("/v1/analyze", files={"file": ("x.json", b'{"work": [',
                                                       "application/json")}),
        api_client.post("/v1/resumes", files={"file": ("x.json", other, "application/json")},
                        headers=auth),
    ):
        assert response.status_code == 415, response.text
        assert response.json()["error"]["code"] == "unsupported_format"


def test_extract_format_jsonresume_prints_a_skills_section_for_any_input(files):
    for path in (files["json"], files["text"]):
        result = runner.invoke(app, ["extract", str(path), "--format", "jsonresume"])
        assert result.exit_code == 0, result.output
        section = json.loads(result.stdout)
        assert list(section) == ["skills"]
        by_name = {entry["name"]: entry["keywords"] for entry in section["skills"]}
        assert by_name["Programming languages"][:2] == ["Python", "Scala"]
        assert "PyTorch" in by_name["Machine learning libraries"]
        keywords = [k for entry in section["skills"] for k in entry["keywords"]]
        assert len(keywords) == len(set(keywords))
    both = runner.invoke(app, ["extract", str(files["json"]), str(files["other"]),
                               "--format", "jsonresume"])
    assert both.exit_code == 1
    records = json.loads(both.stdout)
    assert [r.get("error", {}).get("code") for r in records] == [None, "unsupported_format"]
    assert records[0]["skills"] and records[0]["path"] == str(files["json"])


def test_a_skills_section_read_back_gives_the_same_explicit_skills(files, tmp_path):
    result = runner.invoke(app, ["extract", str(files["text"]), "--format", "jsonresume"])
    written = tmp_path / "skills-only.json"
    written.write_text(result.stdout, encoding="utf-8")
    explicit = {s["id"] for s in _extract(files["text"])["skills"] if s["explicit"]}
    read_back = {s["id"] for s in _extract(written)["skills"] if s["explicit"]}
    assert explicit <= read_back


def test_a_compound_mention_over_two_keywords_points_each_skill_at_its_own(tmp_path):
    path = tmp_path / "r.json"
    path.write_text(json.dumps({"skills": [{"name": "Stats", "keywords": ["Python", "R"]}]}),
                    encoding="utf-8")
    skills = {s["id"]: s for s in _extract(path)["skills"]}
    assert skills["python"]["evidence"][0]["pointer"] == "/skills/0/keywords/0"
    assert skills["r"]["evidence"][0]["pointer"] == "/skills/0/keywords/1"


def test_a_project_or_volunteer_role_is_no_position_when_the_work_entries_are_undated():
    data = {"work": [{"name": "Acme", "position": "Data Analyst"}],
            "projects": [{"name": "Kaggle churn", "date": "Jan 2019 - Present",
                          "description": "side project in R."}],
            "volunteer": [{"organization": "Code Club", "position": "Mentor",
                           "startDate": "2015-01"}]}
    doc = read_json_resume(json.dumps(data), today=date(2025, 3, 1))
    assert doc.positions == []
    assert "Jan 2019 - Present" in doc.text  # (still read, as the project's dates)


def test_an_entrys_own_values_nested_too_deep_are_left_out_with_a_warning():
    from service.documents.jsonvalues import DEPTH_WARNING
    deep: object = "Built Spark jobs"
    for _ in range(70):
        deep = {"more": deep}
    doc = read_json_resume(json.dumps({"work": [{"name": "Acme", "notes": deep,
                                                 "highlights": ["Wrote SQL"]}]}))
    assert DEPTH_WARNING in doc.warnings and "Spark" not in doc.text
