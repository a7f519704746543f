"""Education entries: level, field, institution, year."""

from __future__ import annotations

import pytest

from service.documents import document_from_text
from service.documents.education import degree_level


@pytest.mark.parametrize(("text", "level"), [
    ("Ph.D. in Machine Learning", "phd"), ("PhD, Statistics", "phd"),
    ("Doctor of Philosophy in Physics", "phd"), ("M.Sc. Computer Science", "master"),
    ("Master of Science in Data Science", "master"), ("MS in Computer Science", "master"),
    ("M.Tech (CSE)", "master"), ("MBA", "master"), ("B.Tech in ECE", "bachelor"),
    ("Bachelor of Engineering", "bachelor"), ("B.S. Mathematics", "bachelor"),
    ("BSc Physics", "bachelor"), ("Associate of Science", "associate"),
    ("Higher Secondary Certificate", "other"), ("High School Diploma", "other"),
])
def test_degree_levels(text, level):
    assert degree_level(text) == level


@pytest.mark.parametrize("text", ["MS Office, MS-Excel", "Python developer",
                                  "Scrum master certified"])
def test_not_degrees(text):
    assert degree_level(text) is None


def test_education_section_entries():
    text = """Education
M.Sc. in Computer Science, University of Edinburgh, 2014 - 2016
Thesis on probabilistic programming.

Bachelor of Technology in Electronics and Communication
National Institute of Technology, Trichy | 2010 - 2014
"""
    doc = document_from_text(text)
    assert len(doc.education) == 2
    msc, btech = doc.education
    assert (msc.level, msc.field, msc.institution, msc.year) == (
        "master", "computer-science", "University of Edinburgh", 2016)
    assert (btech.level, btech.field, btech.year) == ("bachelor", "electrical-engineering", 2014)
    assert btech.institution == "National Institute of Technology"
    assert doc.text[msc.start:msc.end].startswith("M.Sc.")


def test_education_without_sections():
    text = "Skills Python\nB.Tech. from Aurora's Scientific and Technological Institute 2018"
    doc = document_from_text(text)
    assert [(e.level, e.year) for e in doc.education] == [("bachelor", 2018)]


def test_inline_education_heading():
    doc = document_from_text("EDUCATION: PhD in Statistics, Stanford University, 2019")
    assert [(e.level, e.field, e.institution) for e in doc.education] == [
        ("phd", "statistics", "Stanford University")]


def test_entries_split_by_degree_not_by_blank_lines():
    text = ("Education\nM.Sc. Computer Science\n\nUniversity of Edinburgh\n\n2014 - 2016\n\n"
            "B.Sc. Mathematics\n\nUniversity of Leeds, 2014\n")
    doc = document_from_text(text)
    assert [(e.level, e.field, e.institution, e.year) for e in doc.education] == [
        ("master", "computer-science", "University of Edinburgh", 2016),
        ("bachelor", "mathematics", "University of Leeds", 2014)]
