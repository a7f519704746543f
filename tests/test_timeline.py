"""Date ranges, positions and years of experience (overlaps merged)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.documents import document_from_text
from service.documents.timeline import merged_years, parse_range

TODAY = date(2024, 7, 15)

# (text, start (year, month), end (year, month) of the last counted month or None, years)
RANGES = [
    ("Jan 2019 – Present", (2019, 1), None, 5.58),
    ("January 2019 - Current", (2019, 1), None, 5.58),
    ("2017-2020", (2017, 1), (2020, 1), 3.0),
    ("2017 – 2020", (2017, 1), (2020, 1), 3.0),
    ("03/2018 - 06/2021", (2018, 3), (2021, 6), 3.33),
    ("3/2018 – 6/2021", (2018, 3), (2021, 6), 3.33),
    ("2018.03 – 2021.06", (2018, 3), (2021, 6), 3.33),
    ("2018/03 - 2021/06", (2018, 3), (2021, 6), 3.33),
    ("Mar '18 – Jun '21", (2018, 3), (2021, 6), 3.33),
    ("June 2015 to Aug 2017", (2015, 6), (2017, 8), 2.25),
    ("2019 – now", (2019, 1), None, 5.58),
    ("Since 2020", (2020, 1), None, 4.58),
    ("since March 2021", (2021, 3), None, 3.42),
    ("Sept. 2016 — Dec. 2018", (2016, 9), (2018, 12), 2.33),
    ("Sep 2016 until May 2017", (2016, 9), (2017, 5), 0.75),
    ("Feb 2020 - Today", (2020, 2), None, 4.5),
    ("Oct 2014 – Ongoing", (2014, 10), None, 9.83),
    ("May 2012 to date", (2012, 5), None, 12.25),
    ("April 2010 till date", (2010, 4), None, 14.33),
    ("Jan-Mar 2020", (2020, 1), (2020, 3), 0.25),
    ("(2016–2018)", (2016, 1), (2018, 1), 2.0),
    ("Summer 2019 - Fall 2019", (2019, 6), (2019, 9), 0.33),
    ("2021 - 2021", (2021, 1), (2021, 1), 1.0),
    ("December, 2019 - February, 2021", (2019, 12), (2021, 2), 1.25),
    ("01.2015 - 12.2016", (2015, 1), (2016, 12), 2.0),
    ("2015-03 to 2016-02", (2015, 3), (2016, 2), 1.0),
    ("Nov 2022 → Present", (2022, 11), None, 1.75),
    ("7 Dec 2006 to 20 March 2007", (2006, 12), (2007, 3), 0.33),
    ("March 7, 2007 - June 1st, 2008", (2007, 3), (2008, 6), 1.33),
    ("Oct 2017- Till Date", (2017, 10), None, 6.83),
    ("'19–'21", (2019, 1), (2021, 1), 2.0),
    ("'20 - Present", (2020, 1), None, 4.58),
    ("Oct' 2017 - Jan' 2019", (2017, 10), (2019, 1), 1.33),
]


@pytest.mark.parametrize(("text", "start", "end", "years"), RANGES)
def test_date_range_formats(text, start, end, years):
    span = parse_range(text, today=TODAY)
    assert span is not None, text
    assert (span.start // 12, span.start % 12 + 1) == start
    assert span.current is (end is None)
    assert round((span.end - span.start) / 12, 2) == years
    doc = document_from_text(f"Experience\nData Scientist, Acme Corp\n{text}\n- Built models.",
                             today=TODAY)
    assert len(doc.positions) == 1
    position = doc.positions[0]
    assert (position.start.year, position.start.month) == start
    assert position.current is (end is None)
    if end is not None:
        assert (position.end.year, position.end.month) == end
    assert position.years == years


@pytest.mark.parametrize("text", [
    "Phone 415-555-0137", "Python 3.11", "version 2.0 - 3.1", "Top 10 - 2019 award",
    "13/2018 - 14/2019", "1850 - 1860", "2021 - 2019",
])
def test_non_ranges_are_ignored(text):
    assert parse_range(text, today=TODAY) is None


def test_overlapping_positions_are_merged():
    text = """Work Experience
Senior Data Scientist | Acme Analytics | Jan 2019 - Dec 2020
- Led the forecasting team.
Consultant, Freelance
Jun 2020 - Jun 2021
- Built dashboards for clients.
ML Engineer at Blue Harbor
2022 - Present
"""
    doc = document_from_text(text, today=TODAY)
    assert [p.title for p in doc.positions] == [
        "Senior Data Scientist", "Consultant", "ML Engineer"]
    assert [p.employer for p in doc.positions] == ["Acme Analytics", "Freelance", "Blue Harbor"]
    # Jan 2019 – Jun 2021 (30 months) + Jan 2022 – Jul 2024 (31 months)
    assert doc.total_years == pytest.approx(61 / 12, abs=0.01)
    assert sum(p.years for p in doc.positions) > doc.total_years


def test_merged_years_examples():
    assert merged_years([]) == 0
    assert merged_years([(0, 12), (6, 18)]) == 1.5
    assert merged_years([(0, 12), (12, 24)]) == 2.0
    assert merged_years([(0, 12), (24, 36), (5, 7)]) == 2.0


@given(st.lists(st.tuples(st.integers(0, 600), st.integers(1, 120)), max_size=12))
def test_merged_years_bounds(intervals):
    spans = [(start, start + length) for start, length in intervals]
    total = merged_years(spans)
    assert total <= sum(length for _, length in intervals) / 12 + 0.01
    if spans:
        assert total >= max(length for _, length in intervals) / 12 - 0.01
        assert total <= (max(e for _, e in spans) - min(s for s, _ in spans)) / 12 + 0.01


def test_entries_text_spans_and_titles():
    text = """PROFESSIONAL EXPERIENCE

Acme Analytics
Machine Learning Engineer
March 2020 - Present
- Shipped a ranking model in PyTorch.
- Cut inference cost by 40%.

Globex Corporation
Sales Manager
2016 - 2020
- Grew the northern region.

EDUCATION
B.Tech in Computer Science, IIT Bombay, 2012 - 2016
"""
    doc = document_from_text(text, today=TODAY)
    assert len(doc.positions) == 2
    first, second = doc.positions
    assert (first.title, first.employer) == ("Machine Learning Engineer", "Acme Analytics")
    assert (second.title, second.employer) == ("Sales Manager", "Globex Corporation")
    assert first.relevant and not second.relevant
    entry = doc.text[first.text_start:first.text_end]
    assert entry.startswith("Acme Analytics") and "Cut inference cost" in entry
    assert "Globex" not in entry
    assert "northern region" in doc.text[second.text_start:second.text_end]
    assert "EDUCATION" not in doc.text[second.text_start:second.text_end]
    # the education range is not a job
    assert doc.total_years == pytest.approx(4 + 53 / 12, abs=0.01)


def test_total_years_only_from_experience_sections():
    text = """Experience
Data Analyst, Initech, 2019 - 2021

Projects
Kaggle competitions, 2010 - 2020
"""
    doc = document_from_text(text, today=TODAY)
    assert len(doc.positions) == 2
    assert doc.total_years == 2.0


def test_without_sections_education_ranges_are_skipped():
    text = ("August 2014 to May 2018 B.Tech. Aurora Institute of Technology\n"
            "Data Scientist - Ernst & Young LLP, Jun 2018 - Jun 2020\n")
    doc = document_from_text(text, today=TODAY)
    assert [p.employer for p in doc.positions] == ["Ernst & Young LLP"]
    assert doc.total_years == 2.08


def test_no_dates_no_years():
    doc = document_from_text("Skills\nPython, SQL", today=TODAY)
    assert doc.positions == [] and doc.total_years is None


def test_labelled_entries():
    text = """Company Details
Company: Initech Solutions
Designation: Senior Data Analyst
Duration: Oct 2017 - Till Date
- Reporting in SQL.

Period: Jan 2015 to Sep 2017   Globex Corporation Ltd
"""
    doc = document_from_text(text, today=TODAY)
    assert [(p.title, p.employer) for p in doc.positions] == [
        ("Senior Data Analyst", "Initech Solutions"), (None, "Globex Corporation Ltd")]
    assert doc.total_years == pytest.approx(6.83 + 2.75, abs=0.01)


def test_dates_on_the_line_above_the_title_with_employer_below():
    doc = document_from_text(
        "EXPERIENCE\nMar 2019 - Present\nData Engineer\nNorthwind Freight\n- Built pipelines.\n\n"
        "Jun 2015 - Feb 2019\nAnalyst\nHarbor Lane\n- Wrote reports.", today=TODAY)
    assert [(p.title, p.employer, p.start) for p in doc.positions] == [
        ("Data Engineer", "Northwind Freight", date(2019, 3, 1)),
        ("Analyst", "Harbor Lane", date(2015, 6, 1))]


def test_date_cell_beside_the_title_takes_the_employer_from_the_next_line():
    doc = document_from_text("EXPERIENCE\nMar 2019 - Present | Data Engineer\nNorthwind Freight\n"
                             "- Built pipelines in Python.", today=TODAY)
    assert [(p.title, p.employer) for p in doc.positions] == [("Data Engineer",
                                                                "Northwind Freight")]


def test_letter_spaced_dates_are_read():
    doc = document_from_text("Experience\nData Scientist, Acme Corp\n"
                             "O c t ’ 2 0 2 1 – P r e s e n t\n- Built models.", today=TODAY)
    assert [(p.title, p.start, p.current) for p in doc.positions] == [
        ("Data Scientist", date(2021, 10, 1), True)]


def test_dates_that_cannot_be_tied_to_positions_are_counted_as_such():
    text = ("Jane Doe\nSKILLS\nPython, SQL\n2019 - Present\n2015 - 2019\n"
            "EXPERIENCE\nData Engineer\nAcme Corp\n- built pipelines\n"
            "EDUCATION\nB.Sc. Physics, 2011 - 2015")
    doc = document_from_text(text, today=TODAY)
    assert doc.positions == [] and doc.total_years is None
    assert doc.untied_dates == 2
    plain = document_from_text("EXPERIENCE\nData Engineer, Acme Corp, 2019 - Present\n"
                               "EDUCATION\nB.Sc. Physics, 2011 - 2015", today=TODAY)
    assert plain.untied_dates == 0


def test_untied_dates_are_named_in_the_experience_check_and_gap():
    from tests.installed import extract
    from tests.installed import score
    from service.taxonomy import get_profile

    text = ("Jane Doe\nSUMMARY\nMachine learning engineer.\nSKILLS\nPython, PyTorch, SQL\n"
            "2019 - Present\n2015 - 2019\nEXPERIENCE\nMachine Learning Engineer\nAcme Corp\n"
            "- Trained models in PyTorch.\nEDUCATION\nM.Sc. Computer Science, 2015")
    report = score(extract(document_from_text(text)), get_profile("ml-engineer"))
    check = next(c for c in report.requirements if c.id == "experience")
    assert check.met is None and "could not be tied to positions" in check.detail
    gap = next(g for g in report.gaps if g.id == "experience")
    assert "could not be tied" in gap.next_step and "dates not tied" in gap.label


@pytest.mark.parametrize("gap", ["Career Break", "Sabbatical", "Parental Leave",
                                 "Gap Year - Travelling", "Open to Work"])
def test_an_entry_that_is_no_job_gives_no_position_and_no_years(gap):
    text = (f"EXPERIENCE\nData Analyst, Northwind Freight\nMar 2021 - Present\n- Wrote reports.\n\n"
            f"{gap}\nJan 2019 - Feb 2021\n- Looked after family.\n\n"
            "Junior Analyst, Harbor Lane\nJun 2017 - Dec 2018\n- Cleaned data.")
    doc = document_from_text(text, today=TODAY)
    assert [p.title for p in doc.positions] == ["Data Analyst", "Junior Analyst"]
    assert doc.total_years == pytest.approx(3.42 + 1.58, abs=0.01)


def test_a_job_named_beside_a_break_is_still_a_job():
    doc = document_from_text("EXPERIENCE\nCareer Break | Freelance Designer\n"
                             "Jan 2019 - Feb 2021\n- Designed logos.", today=TODAY)
    assert [p.title for p in doc.positions] == ["Freelance Designer"]
