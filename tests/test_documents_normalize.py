"""``normalize`` is idempotent and fixes what PDF extraction leaves behind."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.documents import normalize


@pytest.mark.parametrize(("raw", "clean"), [
    ("(cid:127) Python", "- Python"), ("\u2022 SQL", "- SQL"), ("\ufb01ne-tuning", "fine-tuning"),
    ("work\ufb02ow", "workflow"), ("optimi-\nzation", "optimization"),
    ("soft\u00adware", "software"),
    ("Jan 2019 \u2013 Present", "Jan 2019 - Present"), ("a\u00a0b", "a b"),
    ("\u201cquoted\u201d", '"quoted"'), ("x\r\ny", "x\ny"), ("a\n\n\n\nb", "a\n\nb"),
    ("Apache Spark\u2122, Kubernetes\u00ae", "Apache Spark, Kubernetes"),
])
def test_normalize_examples(raw, clean):
    assert normalize(raw) == clean


@given(st.text())
def test_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once


def test_icon_font_glyphs_are_dropped_and_symbol_bullets_kept():
    from service.normalize import normalize

    text = "\ue0b0 +1 555 0100 | \uf0e0 jane@example.org\n\uf0b7 Python\n➔ Built a thing\n\U000f0001 x"
    assert normalize(text) == "+1 555 0100 | jane@example.org\n- Python\n- Built a thing\nx"


def test_a_bullet_glued_to_its_word_becomes_a_dash_and_a_space():
    from service.normalize import normalize

    assert normalize("\u2022R \u2022Tableau \u2022Julia") == "- R - Tableau - Julia"
    assert normalize("\u2022 Python") == "- Python"


PIECES = st.sampled_from(
    list("ab A-\n\r\t.(cid:1)") + ["\u00ad", "\ufb01", "\u2013", "\u2022", "\u00c3", "\u00af",
                                    "\u00e2\u20ac\u00a2", "\u200b", "\u3000", "\x0c", "e\u0301",
                                    "\uf0b7", "\ue000", "\u2028", "\u2024", "\u00bc", "  ",
                                    # a LaTeX source's accent commands
                                    "\\item ", "\\'", '\\"', "\\~", "\\c", "\\i", "{", "}",
                                    "o", "n", "c", "/", "%", "\\newcommand{\\x}", "\\def\\y",
                                    "\\x", "\\y", "\uff3c"])


@given(st.lists(PIECES, max_size=30).map("".join))
def test_normalize_is_a_fixed_point_of_one_pass(text):
    from service.normalize import _normalize_once

    once = normalize(text)
    assert _normalize_once(once) == once


def test_latex_accent_commands_become_accented_letters_in_a_latex_source():
    source = ("\\section{Formaci\\'on}\n\\item Aprendizaje autom\\'atico, estad\\'{\\i}stica, "
              "{\\'e}cole, M\\\"uller, Fran\\c{c}ois, Espa\\~na")
    assert normalize(source).endswith(
        "Aprendizaje automático, estadística, école, Müller, François, España")
    assert normalize(normalize(source)) == normalize(source)


def test_backslash_quotes_outside_a_latex_source_are_left_alone():
    # a script's string: "It\'s", "\"Atlas\"" are escapes, not accents
    text = "summary: 'It\\'s our \\\"Atlas\\\" tool, optimizaci\\'on'"
    assert normalize(text) == text


def test_a_latex_macro_is_read_where_it_is_used_not_where_it_is_defined():
    source = ("\\documentclass{article}\n\\newcommand{\\ML}{\\textsc{Matlab}}\n\\def\\py{Python}\n"
              "\\newcommand{\\tool}[1]{\\texttt{#1}}\n\\begin{document}\n"
              "\\item Toolboxes in \\ML{} and \\py; \\MLx and \\tool{Go} as written\n"
              "\\end{document}")
    text = normalize(source)
    assert "newcommand{\\ML}" not in text and "\\def\\py" not in text
    assert "Toolboxes in \\textsc{Matlab}{} and Python; \\MLx and \\tool{Go} as written" in text
    assert "\\newcommand{\\tool}[1]" in text  # a macro with arguments is left as it is
    assert normalize(text) == text


def test_a_macro_that_only_places_and_sizes_characters_reads_as_it_prints():
    """The common \\CC macro prints "C++" from a C and two small raised plus signs."""
    source = ("\\documentclass{article}\n\\newcommand{\\CC}{C\\nolinebreak\\hspace{-.05em}"
              "\\raisebox{.4ex}{\\tiny\\bf +}\\nolinebreak\\hspace{-.10em}\\raisebox{.4ex}"
              "{\\tiny\\bf +}}\n\\newcommand{\\R}{\\textsf{R}}\n\\begin{document}\n"
              "\\item Arduino (C/\\CC), \\R\n\\end{document}")
    text = normalize(source)
    assert "Arduino (C/C++), \\textsf{R}" in text
    assert normalize(text) == text
    # a space put between words stays a space
    spaced = ("\\documentclass{x}\n\\newcommand{\\tools}{{\\small Python}\\kern.5em{\\small "
              "Tableau}}\n\\item \\tools")
    assert normalize(spaced).endswith("\\item Python Tableau")


def test_latex_macros_are_bounded_and_follow_the_source():
    # a commented-out definition does not count; the last definition wins
    source = ("\\documentclass{x}\n% \\newcommand{\\lang}{Java}\n\\newcommand{\\lang}{Go}\n"
              "\\renewcommand{\\lang}{Python}\n\\item Main language: \\lang")
    assert normalize(source).endswith("Main language: Python")
    # a long body is not expanded, and expansions add at most 20,000 characters
    huge = "\\documentclass{x}\n\\newcommand{\\b}{{" + "x" * 5000 + "}}\n" + "\\b " * 20000
    assert len(normalize(huge)) <= len(huge)
    many = ("\\documentclass{x}\n\\newcommand{\\s}{Python, SQL, Spark, Docker, Airflow}\n"
            + "\\item \\s\n" * 5000)
    assert len(normalize(many)) <= len(many) + 20_000
    assert normalize(normalize(many)) == normalize(many)


def test_latex_accents_leave_addresses_and_command_braces_alone():
    source = ("\\documentclass{x}\n\\href{https://people.example.edu/\\~alice}{site} "
              "\\textbf{\\'E}cole")
    assert normalize(source).endswith("\\href{https://people.example.edu/\\~alice}{site} "
                                      "\\textbf{É}cole")

