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
Languages: Python • R • SQL
EXPERIENCE
Lumen Analytics — Data Scientist — March 2021 – present
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
    document = document_from_text(dump)
    assert document.text.startswith("Priya Raman\nData Scientist")
    # the en dash and the inline "•" stay inside their lines: the position keeps its dates
    assert "Languages: Python - R - SQL\n" in document.text  # (normalize writes "•" as "-")
    assert len(document.positions) == 1 and document.total_years is not None


def test_a_wide_gap_is_a_column_and_a_bullet_opens_its_line():
    dump = "Lumen\n \nAnalytics\n" + " " * 40 + "\nLeeds\n \n"
    dump += "\n \n".join(["●", "Built", "models"] * 12) + "\n \n" + "\n \n".join(["x"] * 20)
    text = rejoin_word_lines(dump)
    assert text.startswith("Lumen Analytics\tLeeds\n● Built models\n● Built models")


def test_items_without_space_lines_between_them():
    # two items of one word are glued; a capital after a word opens the next line
    body = "\n \n".join(["Built", "models", "in", "Python"] * 10)
    dump = f"Languages\n:\n \nPython\n \nSQL\nEXPERIENCE\n \n{body}"
    assert rejoin_word_lines(dump).startswith("Languages: Python SQL\nEXPERIENCE Built models")
    # a line break (two space lines) before a column's gap stays a line break
    gap = "Alpha\n \nBeta\n \n \n" + " " * 30 + "\nGamma\n \n" + body
    assert rejoin_word_lines(gap).startswith("Alpha Beta\nGamma Built")


def test_a_dump_saved_with_windows_line_ends():
    dump = _as_items(_RESUME).replace("\n", "\r\n")
    assert rejoin_word_lines(dump) == _RESUME


@given(st.lists(st.lists(st.sampled_from(["Built", "models", "in", "Python", "•", "2021"]),
                         min_size=2, max_size=8), min_size=1, max_size=80),
       st.integers(min_value=1, max_value=4))
def test_lines_of_several_words_with_space_lines_between_are_no_dump(lines, every):
    # ordinary text with a lone-space line after every few lines (a PDF's blank lines)
    text = "\n".join(" ".join(words) + ("\n " if i % every == 0 else "")
                     for i, words in enumerate(lines))
    assert not is_word_per_line(text)
    assert rejoin_word_lines(text) == text


def test_an_ordinary_resume_is_not_a_dump():
    assert not is_word_per_line(_RESUME)
    # a list of one-word lines (a skills column) is not a dump either: no space lines between
    column = "SKILLS\n" + "\n".join(["Python", "SQL", "Spark", "Airflow", "dbt"] * 10)
    assert not is_word_per_line(column)
    assert rejoin_word_lines(column) == column
