"""PDFs whose text sits in form XObjects (Canva and some HTML printers): pdfminer hands the
glyphs over as loose characters inside ``LTFigure``s; the reader groups them into lines and
words, joins a stacked date column, and finds the skills and dates the text version has."""

from __future__ import annotations

from datetime import date

import resume_builders as rb

from service.documents import document_from_text, read_document_in_process
from tests.installed import extract


def _skills(doc) -> set[str]:
    return {hit.id for hit in extract(doc).skills if hit.explicit}


def test_form_xobject_pdf_reads_skills_and_dates():
    doc = read_document_in_process(rb.form_xobject_pdf())
    text = document_from_text(rb.text_version())
    assert rb.SKILL_IDS <= _skills(doc)
    assert _skills(doc) == _skills(text)
    assert [p.start for p in doc.positions] == rb.STARTS
    assert [(p.title, p.employer) for p in doc.positions] == [
        (title, employer) for title, employer, *_ in rb.JOBS]
    assert doc.positions[0].current and doc.positions[1].end == date(2019, 2, 1)
    assert doc.total_years == text.total_years


def test_tracked_glyphs_form_words_not_letters():
    doc = read_document_in_process(rb.form_xobject_pdf(char_space=1.3))
    assert "Kubernetes" in doc.text and "K u b" not in doc.text
    assert "Harbor Lane Logistics" in doc.text


def test_stacked_date_column_is_one_line_beside_the_title():
    doc = read_document_in_process(rb.form_xobject_pdf())
    assert "Jun' 2015 - Feb' 2019 | Data Analyst" in doc.text.split("\n")


def test_sidebar_and_main_column_keep_their_sections():
    doc = read_document_in_process(rb.form_xobject_pdf())
    names = [s.name for s in doc.sections]
    assert names == ["skills", "languages", "summary", "experience", "education"]
    python_at = doc.text.index("Python")
    assert doc.section_at(python_at).name == "skills"


def _two_page_sidebar_pdf() -> bytes:
    """Page 2 of a sidebar layout: the sidebar opens with a heading, the main column goes on
    with the experience of page 1 (no heading of its own)."""
    import io

    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(595, 842), invariant=1)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(40, 780, "EXPERIENCE")
    c.setFont("Helvetica", 10)
    y = 760
    for line in ["Data Engineer, Northwind Freight", "Mar 2019 - Present",
                 "- Built pipelines in Python and Airflow."] * 3:
        c.drawString(40, y, line)
        y -= 14
    c.showPage()
    side = ["PROJECTS", "Weather bot", "Chess engine", "Route planner", "CERTIFICATES",
            "Cloud practitioner", "First aid"]
    main = ["Analyst, Harbor Lane", "Jun 2015 - Feb 2019", "- Wrote SQL reports in Tableau.",
            "- Cleaned survey data.", "- Presented weekly numbers.", "- Trained two juniors.",
            "- Automated checks.", "- Kept the data dictionary."]
    for index, line in enumerate(side):
        c.setFont("Helvetica-Bold" if line.isupper() else "Helvetica", 10)
        c.drawString(30, 780 - 19 * index, line)
    c.setFont("Helvetica", 10)
    for index, line in enumerate(main):
        c.drawString(240, 780 - 13 * index, line)
    c.showPage()
    c.save()
    return buf.getvalue()


def test_main_column_continuing_a_page_stays_in_its_section():
    doc = read_document_in_process(_two_page_sidebar_pdf())
    analyst = doc.text.index("Analyst, Harbor Lane")
    assert doc.section_at(analyst).name == "experience"
    assert doc.section_at(doc.text.index("Chess engine")).name == "projects"
    assert [p.start for p in doc.positions][-1] == date(2015, 6, 1)
    assert doc.total_years is not None and doc.total_years > 3.5
