"""The fictional sample documents and their gold labels stay well-formed (no extractor needed)."""

import json
import re
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
GOLD = SAMPLES / "gold.jsonl"
SCOPE = SAMPLES / "scope.txt"

# Section headings each resume is written with (matched as a whole line, case-insensitive).
RESUME_SECTIONS = {
    "ml-engineer.txt": ["summary", "skills", "experience", "projects", "education", "certifications"],
    "data-scientist.txt": ["summary", "skills", "experience", "projects", "education", "certifications"],
    "backend-developer.txt": ["summary", "skills", "experience", "projects", "education", "certifications"],
    "new-graduate.txt": ["summary", "education", "skills", "experience", "projects"],
    "non-technical.txt": ["summary", "skills", "experience", "projects", "education", "certifications"],
    "two-column.txt": ["contact", "skills", "education", "certifications", "summary", "experience", "projects"],
    "mlops-engineer.txt": ["summary", "skills", "experience", "projects", "education", "certifications"],
    "nlp-researcher.txt": ["summary", "skills", "experience", "publications", "projects", "education"],
    "computer-vision-engineer.txt": ["summary", "skills", "experience", "projects", "education",
                                     "certifications"],
    "career-changer.txt": ["summary", "skills", "experience", "projects", "education", "certifications"],
}
JOBS = ["ml-engineer.txt", "data-scientist.txt", "backend-engineer.txt", "mlops-engineer.txt",
        "nlp-engineer.txt", "data-engineer.txt"]


def _gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def _scope() -> set[str]:
    return {line.strip() for line in SCOPE.read_text(encoding="utf-8").splitlines() if line.strip()}


def _headings(text: str) -> list[str]:
    """Every non-empty line, lower-cased, without a trailing parenthetical ("Projects (personal)")."""
    lines = (line.strip().lower() for line in text.splitlines())
    return [re.sub(r"\s*\(.*\)$", "", line) for line in lines if line]


def test_gold_lines_have_the_corpus_shape():
    rows = _gold()
    assert rows, "gold.jsonl is empty"
    for row in rows:
        assert row["kind"] in {"resume", "job"}, row["doc"]
        expected_keys = {"doc", "kind", "skills"} | ({"group"} if row["kind"] == "resume" else set())
        assert set(row) == expected_keys, row["doc"]
        if row["kind"] == "resume":
            assert row["group"] in {"ml", "other"}, row["doc"]
        assert isinstance(row["skills"], list)
        assert len(row["skills"]) == len(set(row["skills"])), f"duplicate label in {row['doc']}"


def test_every_sample_file_is_labelled_once_and_exists():
    docs = [row["doc"] for row in _gold()]
    assert len(docs) == len(set(docs))
    for doc in docs:
        assert (GOLD.parent / doc).is_file(), doc
    on_disk = {f"{p.parent.name}/{p.name}" for p in SAMPLES.glob("*/*.txt")
               if p.parent.name in ("resumes", "jobs")}
    assert on_disk == set(docs)


def test_every_label_is_a_scoped_canonical_name():
    scope = _scope()
    assert len(scope) >= 90
    for row in _gold():
        unknown = set(row["skills"]) - scope
        assert not unknown, f"{row['doc']}: {sorted(unknown)}"


def test_kinds_match_folders_and_required_samples_exist():
    rows = {row["doc"]: row for row in _gold()}
    for name in RESUME_SECTIONS:
        assert rows[f"resumes/{name}"]["kind"] == "resume"
    for name in JOBS:
        assert rows[f"jobs/{name}"]["kind"] == "job"
    for doc, row in rows.items():
        assert doc.split("/")[0] == {"resume": "resumes", "job": "jobs"}[row["kind"]]


def test_groups_cover_both_sides():
    groups = [row["group"] for row in _gold() if row["kind"] == "resume"]
    assert groups.count("ml") >= 3 and groups.count("other") >= 3


def test_non_technical_resume_claims_no_skill():
    rows = {row["doc"]: row for row in _gold()}
    assert rows["resumes/non-technical.txt"]["skills"] == []


@pytest.mark.parametrize("name", sorted(RESUME_SECTIONS))
def test_resume_has_its_sections_contact_and_length(name):
    text = (SAMPLES / "resumes" / name).read_text(encoding="utf-8")
    headings = _headings(text)
    positions = []
    for section in RESUME_SECTIONS[name]:
        assert section in headings, f"{name} lacks a '{section}' heading"
        positions.append(headings.index(section))
    assert positions == sorted(positions), f"{name}: sections out of the claimed order"
    assert re.search(r"[\w.]+@example\.com", text), "contact e-mail must be an example.com address"
    assert re.search(r"\+1 555 01\d\d", text), "phone must be a fictional 555-01xx number"
    assert 350 <= len(text.split()) <= 900


@pytest.mark.parametrize("name", JOBS)
def test_job_posting_length_and_sections(name):
    text = (SAMPLES / "jobs" / name).read_text(encoding="utf-8")
    assert 350 <= len(text.split()) <= 800
    assert re.search(r"(?im)^(requirements|what you'll need|qualifications|must have)", text)


def test_samples_are_plain_ascii_friendly_utf8():
    for path in [*SAMPLES.glob("resumes/*.txt"), *SAMPLES.glob("jobs/*.txt")]:
        text = path.read_text(encoding="utf-8")
        assert "\r" not in text and "\t" not in text, path.name


INVENTED = SAMPLES / "invented"


def test_the_invented_set_is_labelled_once_per_file_with_scoped_names():
    rows = [json.loads(line) for line in (INVENTED / "gold.jsonl").read_text("utf-8").splitlines()
            if line.strip()]
    scope = {line.strip() for line in (INVENTED / "scope.txt").read_text("utf-8").splitlines()
             if line.strip()}
    docs = [row["doc"] for row in rows]
    assert len(docs) == len(set(docs)) >= 202
    on_disk = {f"{p.parent.name}/{p.name}" for p in INVENTED.glob("*/*.txt")
               if p.parent.name in ("resumes", "jobs")}
    assert on_disk == set(docs)
    for row in rows:
        assert doc_folder(row) == row["doc"].split("/")[0], row["doc"]
        assert row.get("group") in {"ml", "other"}, row["doc"]
        assert not set(row["skills"]) - scope, row["doc"]
        assert len(row["skills"]) == len(set(row["skills"])), row["doc"]
        text = (INVENTED / row["doc"]).read_text(encoding="utf-8")
        assert "\r" not in text
        # fictional contacts only
        for address in re.findall(r"[\w.+-]+@[A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)+", text):
            assert address.split("@")[1].split(".")[-2] == "example", (row["doc"], address)


def doc_folder(row: dict) -> str:
    return {"resume": "resumes", "job": "jobs"}[row["kind"]]
