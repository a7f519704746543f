"""FRESH resumes (HackMyResume's format; an invented person) read like JSON Resumes, with
evidence pointing into the FRESH file."""

from __future__ import annotations

import json
from datetime import date

import pytest

from service.documents import parse_bytes
from service.documents.fresh import looks_like_fresh
from service.documents.jsonresume import read_json_resume
from service.errors import UnsupportedFormat
from tests.installed import extract

FRESH = {
    "name": "Odile Varga",
    "meta": {"format": "FRESH@0.6.0", "version": "0.1.0"},
    "info": {"label": "Machine Learning Engineer",
             "brief": "Builds ranking systems in Python and ships them on Kubernetes."},
    "contact": {"email": "email@example.com", "website": "https://example.com"},
    "location": {"city": "Lyon", "country": "FR"},
    "employment": {"history": [
        {"employer": "Mistral Freight", "position": "ML Engineer", "start": "2021-03",
         "summary": "Search and ranking for the shipment tracker.",
         "highlights": ["Trained learning-to-rank models with LightGBM.",
                        "Served models behind a FastAPI service on Kubernetes."],
         "keywords": ["PyTorch", "Airflow"]},
        {"employer": "Banque Rhône", "position": "Data Analyst", "start": "2018-09",
         "end": "2021-02", "highlights": ["Dashboards in Tableau over SQL Server."]},
    ]},
    "projects": [{"title": "Tarot Reader", "summary": "A CNN that reads card images.",
                  "keywords": ["TensorFlow"], "role": "Author"}],
    "education": {"level": "graduate", "history": [
        {"institution": "Université Lumière", "area": "Statistics", "studyType": "MSc",
         "start": "2016-09", "end": "2018-06", "curriculum": ["Stochastic Processes"]}]},
    "skills": {"sets": [{"name": "Languages", "level": "advanced",
                         "skills": ["Python", "SQL", "Scala"]}],
               "list": [{"name": "Docker", "level": "intermediate"}]},
    "writing": [{"title": "Ranking at the edge", "publisher": {"name": "Medium"},
                 "date": "2023-05"}],
    "recognition": [{"title": "Best paper", "from": "RecSys workshop", "date": "2022"}],
    "service": {"history": [{"organization": "PyData Lyon", "position": "Organizer",
                             "start": "2019", "summary": "Monthly meetups on Python."}]},
    "languages": [{"language": "French", "level": "Native"}],
    "interests": [{"name": "Climbing"}],
}


def _doc(data=FRESH):
    return read_json_resume(json.dumps(data), today=date(2025, 3, 1))


def test_a_fresh_resume_reads_with_sections_positions_and_education() -> None:
    doc = _doc()
    assert doc.source_format == "fresh"
    assert [s.name for s in doc.sections][:4] == ["summary", "experience", "projects", "education"]
    assert [(p.title, p.employer, p.current) for p in doc.positions] == [
        ("ML Engineer", "Mistral Freight", True), ("Data Analyst", "Banque Rhône", False)]
    assert doc.education and doc.education[0].level == "master"
    found = {h.name for h in extract(doc).skills if h.explicit}
    assert {"Python", "SQL", "Scala", "Docker", "PyTorch", "Airflow", "LightGBM",
            "Kubernetes", "Tableau", "TensorFlow", "statistics"} <= found


def test_evidence_points_into_the_fresh_file() -> None:
    doc = _doc()
    pointers = {e.pointer for h in extract(doc).skills for e in h.evidence}
    assert "/employment/history/0/highlights/0" in pointers  # LightGBM
    assert "/skills/sets/0/skills/2" in pointers  # Scala
    assert "/skills/list/0/name" in pointers  # Docker
    assert "/employment/history/0/keywords" in pointers  # PyTorch, Airflow
    assert not any(p and p.startswith(("/work/", "/basics/")) for p in pointers)


def test_loose_values_are_skipped_and_a_bare_fresh_file_is_told_by_its_sections() -> None:
    data = {"name": "Ana Souza", "employment": {"history": [
        {"employer": "Acme", "position": "Developer", "start": "last spring", "end": None,
         "highlights": ["Go and PostgreSQL services", 42, None]}]},
        "skills": {"sets": [{"name": "Tools", "skills": ["Git", {"x": 1}]}]}}
    assert looks_like_fresh(data)
    doc = _doc(data)
    assert "Go and PostgreSQL services" in doc.text and "42" in doc.text
    assert doc.positions == []  # no date to count
    assert {"Go", "Git"} <= {h.name for h in extract(doc).skills if h.explicit}


@pytest.mark.parametrize("data", [
    {"basics": {"name": "X"}, "work": []},
    {"name": "x", "dependencies": {"react": "^18"}},
    [1, 2, 3],
])
def test_json_resume_and_other_json_are_not_fresh(data) -> None:
    assert not looks_like_fresh(data)


def test_an_upload_of_a_fresh_file_is_read_and_other_json_still_refused() -> None:
    doc = parse_bytes(json.dumps(FRESH).encode(), "resume.json")
    assert doc.source_format == "fresh" and "Odile Varga" in doc.text
    with pytest.raises(UnsupportedFormat):
        parse_bytes(b'{"name": "pkg", "version": "1.0.0", "dependencies": {}}', "package.json")
    cut = parse_bytes(b'{"name": "Odile", "info": {"brief": "I plan warehouse routes and '
                      b'write the Python that schedules the night shifts for three depots by the harbour '
                      b'and the airport."}, '
                      b'"employment": {"history": [', "resume.json")
    assert cut.source_format == "text" and "Odile" in cut.text
    assert cut.warnings == [
        "Could not be read as JSON (line 1, column 194): read as plain text."]
    with pytest.raises(UnsupportedFormat, match="neither a resume nor readable JSON"):
        parse_bytes(b'{"name": "Odile", "employment": {"history": [', "resume.json")


def _positions(jobs):
    doc = _doc({"meta": {"format": "FRESH@0.6.0"}, "name": "A",
                "employment": {"history": jobs}, "skills": {"list": ["Python"]}})
    return [(p.start.isoformat()[:7], p.end and p.end.isoformat()[:7], p.current)
            for p in doc.positions]


def test_written_dates_are_read_and_unreadable_ones_leave_the_job_undated() -> None:
    assert _positions([{"employer": "Verities", "start": "2006-08", "end": "June 2008"}]) == [
        ("2006-08", "2008-06", False)]
    assert _positions([{"employer": "Acme", "start": "February 2015", "end": "Present"}]) == [
        ("2015-02", None, True)]
    assert _positions([{"employer": "Acme", "start": "2006-08", "end": "Spring 2008"}]) == []


def test_bare_lists_fields_beside_each_other_and_loose_types() -> None:
    data = {"name": "B", "meta": {"format": "FRESH@1.0.0"},
            "employment": [{"employer": "Acme", "highlights": ["Built Kafka pipelines"]}],
            "education": {"history": [{"institution": "Uni", "title": "BSc Computer Science",
                                       "highlights": ["Thesis on Bayesian statistics"]}]},
            "projects": [{"title": "Router", "summary": "A Go service.",
                          "description": "Written in Rust first.", "role": 0}],
            "speaking": [{"title": "Serving PyTorch models", "event": "PyCon"}],
            "skills": ["Docker", "Terraform"]}
    doc = _doc(data)
    assert "BSc Computer Science" in doc.text and "Written in Rust first." in doc.text
    hits = {h.id: {e.pointer for e in h.evidence} for h in extract(doc).skills if h.explicit}
    assert "/employment/0/highlights/0" in hits["kafka"]
    assert "/projects/0/description" in hits["rust"]
    assert "/skills/1" in hits["terraform"]
    assert "/speaking/0/title" in hits["pytorch"]
    assert "/education/history/0/highlights/0" in hits["bayesian-statistics"]


@pytest.mark.parametrize("data", [
    {"openapi": "3.1.0", "info": {"title": "Pets", "description": "Python service"}},
    {"name": "acme-service", "info": {"label": "Python microservice"}, "contact": {}},
])
def test_other_json_with_an_info_key_is_not_fresh(data) -> None:
    assert not looks_like_fresh(data)
