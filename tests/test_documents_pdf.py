"""Generated PDFs: reading order, headers/footers, tables, ligatures, pages, sections."""

from __future__ import annotations

import pdfgen
import pytest

from service.documents import read_document_in_process

SIDEBAR = [
    ("Skills", ["Python", "PyTorch", "SQL", "Docker", "Kubernetes"]),
    ("Languages", ["English", "German"]),
    ("Summary", ["Machine learning engineer with six years of experience building "
                 "recommendation systems and forecasting models."]),
    ("Experience", ["Senior ML Engineer, Acme Analytics", "Jan 2020 - Present",
                    "- Built a real-time fraud detection service in Python and PyTorch.",
                    "Data Scientist, Blue Harbor", "Jun 2016 - Dec 2019",
                    "- Trained gradient boosting models with scikit-learn."]),
    ("Education", ["M.Sc. Computer Science, University of Edinburgh, 2016"]),
]


def _in_order(text: str, *needles: str) -> bool:
    positions = [text.index(n) for n in needles]
    return positions == sorted(positions)


def test_one_column_resume():
    doc = read_document_in_process(pdfgen.make_pdf())
    assert doc.source_format == "pdf" and doc.pages == 1
    assert [s.name for s in doc.sections] == ["summary", "skills", "experience", "education"]
    assert all(s.page == 1 for s in doc.sections)
    assert [(p.title, p.employer) for p in doc.positions] == [
        ("Senior Machine Learning Engineer", "Acme Analytics"),
        ("Data Scientist", "Blue Harbor Insurance")]
    assert doc.education[0].level == "master"
    assert doc.page_at(doc.text.index("XGBoost")) == 1


def test_two_columns_read_column_by_column():
    data = pdfgen.make_pdf(SIDEBAR, columns=2, left_sections=2)
    doc = read_document_in_process(data)
    text = doc.text
    # the whole left column (skills, languages) comes before the right column, not interleaved
    assert _in_order(text, "Jane Example", "SKILLS", "Kubernetes", "LANGUAGES", "German",
                     "SUMMARY", "forecasting", "EXPERIENCE", "Blue Harbor", "EDUCATION")
    assert "Python\nPyTorch\nSQL\nDocker\nKubernetes" in text
    assert [s.name for s in doc.sections] == [
        "skills", "languages", "summary", "experience", "education"]
    assert len(doc.positions) == 2


def test_right_aligned_dates_stay_with_their_entry():
    sections = [("Summary", ["ML engineer with six years of experience."]),
                ("Skills", ["Python", "SQL", "Docker"]),
                ("Experience", ["Senior ML Engineer, Acme\tJan 2020 - Present",
                                "- Built fraud models.", "- Served them on Kubernetes.",
                                "Data Scientist, Blue Harbor\tJun 2016 - Dec 2019",
                                "- Trained XGBoost models.", "Analyst, Initech\t2014 - 2016",
                                "- Reports."])]
    doc = read_document_in_process(pdfgen.make_pdf(sections))
    assert "Senior ML Engineer, Acme | Jan 2020 - Present" in doc.text
    assert [(p.title, p.employer) for p in doc.positions] == [
        ("Senior ML Engineer", "Acme"), ("Data Scientist", "Blue Harbor"),
        ("Analyst", "Initech")]


def test_centred_headings_over_short_lines_stay_one_column():
    sections = [("Skills", ["Python", "SQL", "Docker", "Airflow"]),
                ("Languages", ["English", "French"]),
                ("Interests", ["Chess", "Running", "Cooking"])]
    doc = read_document_in_process(pdfgen.make_pdf(sections, centred_headings=True))
    assert _in_order(doc.text, "SKILLS", "Airflow", "LANGUAGES", "French", "INTERESTS", "Chess")
    assert [s.name for s in doc.sections] == ["skills", "languages", "interests"]


def test_multi_page_drops_running_header_footer_and_page_numbers():
    data = pdfgen.make_pdf(pages=2, header="Jane Example - Curriculum Vitae", footer=True)
    doc = read_document_in_process(data)
    assert doc.pages == 2
    assert "Curriculum Vitae" not in doc.text
    assert "Page 1" not in doc.text and "Page 2" not in doc.text
    assert {b.page for b in doc.blocks} == {1, 2}
    assert doc.page_at(doc.text.index("EDUCATION")) == 2
    assert doc.page_at(doc.text.index("SUMMARY")) == 1
    assert [s.page for s in doc.sections] == [1, 1, 2, 2]


def test_table_rows_stay_in_order():
    rows = [["Skill", "Years", "Level"], ["Python", "6", "Expert"], ["SQL", "5", "Advanced"],
            ["Spark", "2", "Intermediate"]]
    doc = read_document_in_process(pdfgen.make_pdf(pdfgen.SAMPLE_SECTIONS[:2], table=rows))
    lines = doc.text.split("\n")
    assert "SQL | 5 | Advanced" in lines and "Spark | 2 | Intermediate" in lines
    assert _in_order(doc.text, "Skill | Years | Level", "Expert", "SQL | 5", "Spark | 2")


def test_ligatures_are_expanded():
    doc = read_document_in_process(pdfgen.make_pdf(
        [("Summary", ["Efficient workflow for scientific profiling, fluent in Flask"])],
        ligatures=True))
    assert "Efficient workflow for scientific profiling, fluent in Flask" in doc.text
    assert "\ufb01" not in doc.text


def test_hyphenation_and_bullets():
    lines = ["\u2022 Built data pipe-", "lines in Python", "(cid:127) Deployed on AWS"]
    doc = read_document_in_process(pdfgen.make_pdf(lines=lines))
    assert "- Built data pipelines in Python" in doc.text
    assert "- Deployed on AWS" in doc.text


def test_damaged_but_readable_pdf_is_a_success():
    doc = read_document_in_process(pdfgen.damaged_xref_pdf())
    assert "Recovered Python resume" in doc.text


def test_embedded_files_and_javascript_are_ignored():
    doc = read_document_in_process(pdfgen.javascript_pdf())
    assert "Python developer" in doc.text
    assert "SECRET" not in doc.text and "alert" not in doc.text


def test_cyclic_page_tree_reads_once():
    doc = read_document_in_process(pdfgen.cyclic_pages_pdf())
    assert doc.text == "Python"


@pytest.mark.parametrize("columns", [1, 2])
def test_same_content_in_text_and_pdf(columns):
    """The text of a PDF resume holds the same lines as its source text."""
    doc = read_document_in_process(pdfgen.make_pdf(SIDEBAR, columns=columns, left_sections=2))
    for _, body in SIDEBAR:
        for line in body:
            for word in line.split():
                assert word in doc.text


def test_soft_wrapped_lines_are_rejoined():
    sentence = ("Designed and deployed deep learning models for demand forecasting across four "
                "hundred stores, with feature pipelines in Apache Spark and model serving on "
                "Kubernetes behind a gRPC gateway")
    lines = [sentence, "- Python, SQL", "Tools: Git, Docker", "jane@example.org"]
    doc = read_document_in_process(pdfgen.make_pdf(lines=lines))
    assert sentence in doc.text.split("\n")
    assert "- Python, SQL\nTools: Git, Docker\njane@example.org" in doc.text
