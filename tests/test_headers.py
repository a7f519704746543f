"""Position headers: title and employer, places left out (invented text)."""

from __future__ import annotations

from datetime import date

import pytest

from service.documents import document_from_text
from service.documents.headers import is_organisation, is_place, split_title_employer

TODAY = date(2024, 7, 15)


def _read(text: str) -> list[tuple[str | None, str | None]]:
    doc = document_from_text("Experience\n\n" + text, today=TODAY)
    return [(p.title, p.employer) for p in doc.positions]


@pytest.mark.parametrize("piece", ["Remote", "Hybrid", "On-site", "India", "CA", "Lagos Nigeria",
                                   "Austin TX", "South Korea", "Kamloops BC Canada"])
def test_places(piece):
    assert is_place(piece)


@pytest.mark.parametrize("piece", ["Data Scientist", "Northwind Traders", "Globex Corporation",
                                   "Senior Risk Analyst", "Bank of Springfield", "2019"])
def test_not_places(piece):
    assert not is_place(piece)


def test_organisations_are_told_from_titles_with_the_same_words():
    assert is_organisation("Shelbyville Junior College")
    assert is_organisation("University of Springfield")
    assert not is_organisation("Graduate Lab Instructor")
    assert not is_organisation("Data Scientist")


def test_a_city_joined_to_its_country_is_neither_title_nor_employer():
    assert split_title_employer(["Design Lead, Lagos, Nigeria"]) == ("Design Lead", None)
    assert split_title_employer(["Initech | Data Engineer | Austin, TX"]) == (
        "Data Engineer", "Initech")
    # a company before a city (not a country) stays the employer
    assert split_title_employer(["Teacher, English Literature",
                                 "Hanbit Learning, Seoul, South Korea"]) == (
        "Teacher", "Hanbit Learning")


def test_a_place_line_between_header_and_dates_is_skipped():
    text = """Data Analyst \u2013 Intern | Northwind Traders

Pune, India (Remote)
Nov 2023 - Jan 2024
- Cleaned sales data.
"""
    assert _read(text) == [("Data Analyst Intern", "Northwind Traders")]


def test_dates_beside_a_place_take_the_header_above():
    text = """Field Service Technician
Contoso Works
11/2020 - 04/2021 | Lagos Nigeria
- Installed conveyor systems.
"""
    assert _read(text) == [("Field Service Technician", "Contoso Works")]


def test_title_above_across_a_blank_line():
    text = """FREELANCE DATA SCIENTIST

Remote | Sept 2020 - Present

Builds forecasting models for clients.

MEDICAL EQUIPMENT TECHNICIAN

Acme Relief (Springfield, IL) | Oct 2017 - Jun 2020

Kept the equipment inventory.
"""
    assert _read(text) == [("FREELANCE DATA SCIENTIST", None),
                           ("MEDICAL EQUIPMENT TECHNICIAN", "Acme Relief")]


def test_title_below_an_employer_only_dated_line():
    text = """Umbrella Systems Private Limited - Pune, India | Feb 2022 - Present

DevOps Intern

- Maintained CI pipelines.
"""
    assert _read(text) == [("DevOps Intern", "Umbrella Systems Private Limited")]


def test_a_long_header_line_is_split_before_it_is_judged():
    text = ("- Data Scientist and Platform Operations Manager, Vandelay Industries GmbH, Hamburg, "
            "Germany (Jul. 2014 - May. 2015)\nRan the data team.\n")
    assert _read(text) == [("Data Scientist and Platform Operations Manager",
                            "Vandelay Industries GmbH")]


def test_a_dated_title_and_employer_line_keeps_its_employer():
    text = """Senior Software Engineer | Hooli | December 2016 - March 2019
Tech Stack: Node.js, Scala, GraphQL

- Built the gateway service.
"""
    assert _read(text) == [("Senior Software Engineer", "Hooli")]


def test_a_title_wrapped_over_two_lines_is_joined():
    text = """GLOBEX INCUBATOR | DATA TEAM LEAD AND
WEB DEVELOPER
Feb 2022 - June 2022 | Pune, India (Onsite)
- Built a web platform.
"""
    assert _read(text) == [("DATA TEAM LEAD AND WEB DEVELOPER", "GLOBEX INCUBATOR")]


def test_a_school_name_below_is_not_taken_for_the_title():
    text = """Supplemental Instruction Leader | August 2016 - June 2017
Shelbyville Junior College, Shelbyville, IL
- Led study groups.
"""
    assert [title for title, _ in _read(text)] == ["Supplemental Instruction Leader"]


def test_people_and_outline_numbers_are_not_titles():
    text = """Research Intern | Springfield, Germany
Vision Lab, Springfield Institute for Informatics Advisor: Dr Jane Roe | 10/2022 - 06/2024
- Built a renderer.

5.0.2 Senior Data Scientist at Kwik-E-Mart [Oct. 2018 to Sep. 2019]
Worked on route planning.
"""
    assert _read(text) == [("Research Intern", "Vision Lab"),
                           ("Senior Data Scientist", "Kwik-E-Mart")]


def test_month_hyphen_year_dates():
    doc = document_from_text("Experience\nData Engineer | Initech | Jan-2020 - Mar-2021\n",
                             today=TODAY)
    (position,) = doc.positions
    assert (position.start, position.end) == (date(2020, 1, 1), date(2021, 3, 1))


def test_a_name_joined_to_a_country_is_the_employer_when_there_is_no_other():
    assert split_title_employer(["Data Scientist", "Corvina, India"]) == ("Data Scientist", "Corvina")
    assert split_title_employer(["Data Scientist | Corvina, India"]) == (
        "Data Scientist", "Corvina")
    # with an employer named elsewhere, the comma-joined name stays a place
    assert split_title_employer(["Data Scientist, Globex Corp", "Pune, India"]) == (
        "Data Scientist", "Globex Corp")
    assert split_title_employer(["Design Lead, Lagos, Nigeria"]) == ("Design Lead", None)


def test_the_employer_below_a_title_without_title_words_is_read():
    text = """Aug 2019 - May 2021
Peer Instruction Leader
Northfield Community College
- Led weekly review sessions.
"""
    assert _read(text) == [("Peer Instruction Leader", "Northfield Community College")]
    assert split_title_employer(["Peer Instruction Leader", "Northfield Community College"]) == (
        "Peer Instruction Leader", "Northfield Community College")
    assert split_title_employer(["Peer Instruction Leader", "Corvina"]) == (
        "Peer Instruction Leader", "Corvina")


@pytest.mark.parametrize(("header", "expected"), [
    # a data file's keys and quoted values: TOML, a JS object, YAML
    (['position = "Analytics Engineer"', 'company = "Kestrel Bank"'],
     ("Analytics Engineer", "Kestrel Bank")),
    (['{ role: "Data Scientist",', "company: 'Northwind',"], ("Data Scientist", "Northwind")),
    (["- title: ML Engineer", "  employer: Acme Corp"], ("ML Engineer", "Acme Corp")),
    # one line holding the whole entry's keys and values
    (['{ company: "Northwind", role: "Data Scientist", dates: "2021 - 2024" },'],
     ("Data Scientist", "Northwind")),
    # a closing qualifier is part of the title
    (['title: "Senior Software Engineer (Fullstack)",', "company: Canva"],
     ("Senior Software Engineer (Fullstack)", "Canva")),
])
def test_labelled_header_lines_of_data_files(header, expected):
    assert split_title_employer(header) == expected


def test_a_toml_cv_gives_its_positions():
    text = ('[[jobs]]\ncompany = "Kestrel Bank"\nposition = "Analytics Engineer"\n'
            'dates = "2021 - 2024"\nhighlights = ["Modelled the finance mart in dbt"]\n')
    doc = document_from_text(text)
    assert [(p.title, p.employer) for p in doc.positions] == [
        ("Analytics Engineer", "Kestrel Bank")]


def test_markdown_heading_marks_are_no_part_of_a_title():
    text = """## Experience

### Principal Engineer
**Deliveroo** | London
April 2017 - Present
- Built Python services.

### Staff Engineer, Acme
March 2015 - April 2017
"""
    assert _read(text) == [("Principal Engineer", "Deliveroo"), ("Staff Engineer", "Acme")]


def test_a_data_files_date_key_is_a_label_not_a_title():
    text = """export const resume = [
  {
    title: 'Architect / Senior Software Engineer',
    company: 'Initech',
    time: 'Jun 2019 - Jun 2022',
    details: ['Built the search service in Go.'],
  },
];
"""
    assert _read(text) == [("Architect / Senior Software Engineer", "Initech")]
    # a title that opens with the same word keeps it
    assert _read("Time Series Analyst | Initech\nJun 2019 - Jun 2022\n- Forecast demand.\n") == [
        ("Time Series Analyst", "Initech")]
