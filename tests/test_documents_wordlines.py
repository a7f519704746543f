"""Text saved one word per line (a PDF reader's text items joined by newlines) reads as lines."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from service.documents.text import document_from_text
from service.documents.wordlines import is_word_per_line, rejoin_word_lines
from tests.installed import extract_text

_RESUME = """Priya Raman
Data Scientist, Lumen Analytics
SKILLS
Languages: Python | R | SQL
EXPERIENCE
Lumen Analytics — Data Scientist — March 2021 - present
● Trained gradient boosted churn models in Python and deployed them behind a REST API.
● Built Tableau dashboards for the retention team and ran A/B tests of onboarding emails.
EDUCATION
MSc in Statistics, University of Leeds, 2020"""


def _as_items(text: str) -> str:
    """``text`` as a pdf.js text dump: every word an item, a lone space between words, two at a
    line break, a colon its own item glued to the word before."""
    lines = []
    for line in text.split("\n"):
        words = []
        for word in line.split(" "):
            words.append("\n".join(word.replace(":", "\n:").split("\n")))
        lines.append("\n \n".join(words))
    return "\n \n \n".join(lines)


def test_a_word_per_line_dump_reads_as_its_lines():
    dump = _as_items(_RESUME)
    assert is_word_per_line(dump)
    assert rejoin_word_lines(dump) == _RESUME


def test_skills_across_words_are_found_in_a_dump():
    dump = _as_items(_RESUME)
    found = {h.id for h in extract_text(dump, kind="resume").skills if h.explicit}
    assert {"python", "r", "sql", "tableau", "a-b-testing", "model-deployment",
            "statistics"} <= found
    assert document_from_text(dump).text.startswith("Priya Raman\nData Scientist")


def test_a_wide_gap_is_a_column_and_a_bullet_opens_its_line():
    dump = "\n \n".join(["Lumen", "Analytics"]) + "\n" + " " * 40 + "\n" + "Leeds" + "\n \n"
    dump += "\n \n".join(["●", "Built", "models"] * 12) + "\n \n" + "\n \n".join(["x"] * 20)
    text = rejoin_word_lines(dump)
    assert text.startswith("Lumen Analytics\tLeeds\n● Built models\n● Built models")


@given(st.text(alphabet=st.sampled_from("ab cd\n.\t"), max_size=400))
def test_text_of_another_shape_is_left_as_it_is(text):
    if not is_word_per_line(text):
        assert rejoin_word_lines(text) == text


def test_an_ordinary_resume_is_not_a_dump():
    assert not is_word_per_line(_RESUME)
    # a list of one-word lines (a skills column) is not a dump either: no space lines between
    column = "SKILLS\n" + "\n".join(["Python", "SQL", "Spark", "Airflow", "dbt"] * 10)
    assert not is_word_per_line(column)
    assert rejoin_word_lines(column) == column
