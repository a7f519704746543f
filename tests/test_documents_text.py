"""``document_from_text`` on arbitrary input: never raises, every offset is inside the text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.documents import document_from_text

_PIECES = st.sampled_from([
    "Experience\n", "EDUCATION\n", "Skills: Python, SQL\n", "Data Scientist, Acme\n",
    "Jan 2019 - Present\n", "2017-2020 ", "- Built models.\n", "M.Sc. in Statistics, ", "\n\n",
    "University of Leeds 2015\n", "Since 2021 ", "03/2018 - 06/2021", "Projects\n", "  ",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=40)), max_size=30))
def test_offsets_are_valid(parts):
    doc = document_from_text("".join(parts))
    size = len(doc.text)
    for block in doc.blocks:
        assert 0 <= block.start < block.end <= size
    for section in doc.sections:
        assert 0 <= section.start <= section.end <= size
    for position in doc.positions:
        assert 0 <= position.text_start < position.text_end <= size
        assert position.years >= 0
        assert position.end is None or position.end >= position.start
    for entry in doc.education:
        assert 0 <= entry.start <= entry.end <= size
    if doc.total_years is not None:
        assert doc.total_years <= sum(p.years for p in doc.positions) + 0.01


def test_markdown_marks_are_dropped():
    doc = document_from_text("# Jane\n\n## Skills\n**Python**, SQL\n", "markdown")
    assert doc.source_format == "markdown"
    assert doc.text == "Jane\n\nSkills\nPython, SQL"
    assert [s.name for s in doc.sections] == ["skills"]


def _positions(text: str) -> list[tuple[str | None, str | None]]:
    return [(p.title, p.employer) for p in document_from_text(text).positions]


def test_positions_and_degrees_are_read_without_markup():
    page = ('<h2>Experience</h2>\n<h3>Data Scientist, Acme Corp</h3>\n<p class="date">2019 - 2021</p>\n'
            '<ul><li>Built churn models in Python.</li></ul>\n'
            '<h3><em>Analyst</em>, Beta Ltd</h3>\n<p>2016 - 2019</p>\n<h2>Education</h2>\n'
            '<p><b>MSc in Statistics</b>, University of Leeds, 2015</p>\n')
    doc = document_from_text(page)
    assert [(p.title, p.employer) for p in doc.positions] == [
        ("Data Scientist", "Acme Corp"), ("Analyst", "Beta Ltd")]
    assert doc.positions[0].relevant and doc.total_years == 5.0
    assert [(e.level, e.field) for e in doc.education] == [("master", "statistics")]
    # (offsets still index the text as written)
    first = doc.positions[0]
    assert doc.text[first.text_start:].startswith("<h3>Data Scientist")


def test_an_entity_or_escape_inside_a_title_keeps_it_whole():
    cases = {
        "<h2>Experience</h2>\n<p>Data Scientist &amp; ML Engineer, Acme Corp, 2019 - 2021</p>":
            ("Data Scientist & ML Engineer", "Acme Corp"),
        "Experience\nAnalyst, Johnson &amp; Johnson, 2016 - 2018": ("Analyst", "Johnson & Johnson"),
        "\\section{Experience}\nAnalyst, AT\\&T, 2016 -- 2018": ("Analyst", "AT&T"),
        "## Experience\nC\\# Developer, Beta Ltd, 2016 - 2018": ("C# Developer", "Beta Ltd"),
        "Experience\nEditor, O&rsquo;Reilly Media, 2016 - 2018": ("Editor", "O'Reilly Media"),
        # (an entity dash still parts a range: the padding after it stays a space; so does a
        # comma's, a full stop's or a bullet's)
        "Experience\nAnalyst, Beta Ltd, 2016&ndash;2018": ("Analyst", "Beta Ltd"),
        "Experience\nAnalyst&#44; Beta Ltd&#44; 2016 - 2018": ("Analyst", "Beta Ltd"),
        "Experience\nAnalyst &middot; Beta Ltd &middot; 2016 - 2018": ("Analyst", "Beta Ltd"),
        "Experience\nAnalyst, Beta Ltd\n2016 - 2018 &bull; Remote": ("Analyst", "Beta Ltd"),
        # (a key-value line that names no header keeps its title and employer)
        'Experience\nAnalyst, Beta Ltd, 2016 - 2018, team: "ads", stack: "gcp"':
            ("Analyst", "Beta Ltd"),
    }
    for text, expected in cases.items():
        doc = document_from_text(text)
        assert [(p.title, p.employer) for p in doc.positions] == [expected], text
        assert doc.total_years == 2.0


def test_a_commented_out_range_is_neither_a_position_nor_an_untied_date():
    doc = document_from_text("Experience\n<!-- Data Scientist, Acme Corp, 2019 - 2021 -->\n"
                             "Skills: Python, SQL")
    assert doc.positions == [] and not doc.untied_dates


def test_an_entity_date_and_degree_field_read_through():
    doc = document_from_text("Experience\nAnalyst, Beta Ltd, Jan&#46; 2019 - Dec&#46; 2021\n\n"
                             "Education\nB.S. in Math &amp; Physics, MIT, 2015")
    assert [(p.start.isoformat(), p.end.isoformat()) for p in doc.positions] == [
        ("2019-01-01", "2021-12-01")]
    assert [e.field_text for e in doc.education] == ["Math & Physics"]


def test_one_emphasis_tag_inside_a_title_joins_its_words():
    def read(line):
        return _positions("<h2>Experience</h2>\n<p>" + line + ", 2019 - 2021</p>")

    assert read('<b>Senior</b> Data Scientist at <a href="https://acme.com">Acme Corp</a>') == [
        ("Senior Data Scientist", "Acme Corp")]
    assert read("Lead <em>Machine Learning</em> Engineer, Beta Ltd") == [
        ("Lead Machine Learning Engineer", "Beta Ltd")]
    # one emphasis closed and another opened parts title from employer
    assert read("<strong>Data Scientist</strong> <i>Acme Corp</i>") == [
        ("Data Scientist", "Acme Corp")]


def test_a_latex_cvs_entries_read_as_fields():
    moderncv = r"""\documentclass{moderncv}
\begin{document}
\section{Experience}
\cventry{2021--Present}{Research Scientist}{Acme Labs}{Boston}{}{Built PyTorch models.}
\cventry{2015--2021}{Research Assistant}{University of Maryland}{}{}{NLP research. % {old}{x}
}
\end{document}
"""
    assert _positions(moderncv) == [("Research Scientist", "Acme Labs"),
                                     ("Research Assistant", "University of Maryland")]
    # a spacer, a colour's argument and an escaped ampersand
    article = r"""\documentclass{article}
\begin{document}
\section*{Experience}
\textbf{Summer Intern}, Bank of Canada \hfill \textcolor{muted}{May 2018 -- Sep 2018}
\begin{itemize}\item Built forecasting models.\end{itemize}
\textbf{Analyst}, Johnson \& Johnson \hfill Jan 2016 -- Apr 2018
\end{document}
"""
    assert _positions(article) == [("Summer Intern", "Bank of Canada"),
                                   ("Analyst", "Johnson & Johnson")]


@given(st.text(alphabet="\\{}&%ab \n12-", max_size=80))
@settings(max_examples=200, deadline=None)
def test_latex_fields_keep_every_offset(body):
    from service.normalize import latex_fields, unmark
    source = "\\begin{document}\n" + body
    plain, _ = unmark(source)
    fields = latex_fields(source, plain)
    assert len(fields) == len(source)
    assert all(a == b or b in " |" for a, b in zip(plain, fields))


def test_latex_fields_join_inside_an_argument_and_leave_other_texts_alone():
    latex = r"""\documentclass{article}
\begin{document}
\section*{Experience}
\textbf{Senior {ML} Engineer}, Acme Corp \hfill 2019 -- 2021
\begin{itemize}\item Built models.\end{itemize}
\cventry{2016--2019}{Software Engineer}{\textsc{Initech} Labs}{Boston}{}{}
\end{document}
"""
    assert _positions(latex) == [("Senior ML Engineer", "Acme Corp"),
                                 ("Software Engineer", "Initech Labs")]
    # a Markdown CV with one stray command keeps its ampersands
    markdown = ("## Experience\n\n**Senior R&D Engineer** | AT&T Labs\n2019 - 2022\n"
                "- Built \\textbf{Kafka} pipelines.\n")
    assert _positions(markdown) == [("Senior R&D Engineer", "AT&T Labs")]


@pytest.mark.parametrize("dash", ["\\textendash{}", "\\textendash\\ ", "\\textemdash", "$-$", "--"])
def test_a_latex_range_may_be_written_with_a_dash_command(dash):
    latex = ("\\documentclass{article}\n\\begin{document}\n\\section*{Experience}\n"
             f"\\textbf{{Senior Data Scientist}}, Acme Corp \\hfill Jan 2019 {dash} Mar 2021\n"
             "\\begin{itemize}\\item Built churn models.\\end{itemize}\n\\end{document}\n")
    doc = document_from_text(latex)
    assert [(p.title, p.employer, p.start.year, p.end.year) for p in doc.positions] == [
        ("Senior Data Scientist", "Acme Corp", 2019, 2021)]


def test_a_dash_command_inside_a_latex_comment_stays_blank():
    from service.normalize import unmark

    latex = ("\\documentclass{article}\n% 2015 \\textendash{} 2017 Junior Analyst\n"
             "\\section*{Experience}\n")
    assert "\u2013" not in unmark(latex)[0]


@pytest.mark.parametrize("body", ["\\begin[" * 40_000, "\\url[" * 20_000, "{" * 100_000],
                         ids=["open-brackets", "url-brackets", "braces"])
def test_latex_fields_stay_linear_on_hostile_sources(body):
    from service.normalize import latex_fields
    source = "\\documentclass{x}\n" + body
    assert len(latex_fields(source, source)) == len(source)  # (a quadratic scan took 30 s)


# Each took from 15 s to many minutes at this size: a regex scanned from every opener (or every
# blank, every hyphen) to a line's or the text's end. At 150,000 characters (a text may hold
# 300,000) each takes about a second now.
HOSTILE_RUNS = {
    "emphasis": ("", "_a ", ""), "strong": ("", "__a ", ""), "backticks": ("", "`", ""),
    "tildes": ("", "~", ""), "brackets": ("", "[", ""), "org-links": ("", "[[", ""),
    "fences": ("", "```a\n", ""), "mixed-fences": ("", "~~~~a\n```a\n", ""),
    "html-comments": ("", "<!--\n", ""), "blanked-tags": ("", "<div>", " engineers who"),
    "heading-marks": ("# a", " #", " x\n"), "latex-subs": ("\\", "sub", "section{A}\n"),
    "troff-ignores": (".TH A\n.SH B\n.PP\n", ".ig\n", ""),
    "typst-comments": ("#set page()\n// x\n", " /*\n", ""),
    "hyphenated-gap": ("", "The models were deployed " + "a-" * 40 + "a to production. ", ""),
    "dated-line": ("University ", "2019-2020 ", "\n"),
}


@pytest.mark.slow
@pytest.mark.timeout(15)  # (a hang guard, not a timing)
@pytest.mark.parametrize("kind", ["resume", "job"])
@pytest.mark.parametrize("shape", sorted(HOSTILE_RUNS))
def test_hostile_runs_stay_linear(shape, kind):
    from tests.installed import extract_text

    head, unit, tail = HOSTILE_RUNS[shape]
    text = head + unit * (150_000 // len(unit)) + tail + "\nSkills: **Python**, `SQL`\n"
    assert {"Python", "SQL"} <= {hit.name for hit in extract_text(text, kind=kind).skills}


def _fenced_by_one_regex(text: str) -> list[tuple[int, int]]:
    """Code blocks as one regex found them (from each opener to the first closer of its fence,
    or of a shorter one), the meaning ``fenced`` keeps."""
    import re

    fence = re.compile(r"(?ms)^ {0,3}(`{3,}|~{3,})[^\n]*\n.*?^ {0,3}\1[ \t]*$")
    return [m.span() for m in fence.finditer(text)] if "```" in text or "~~~" in text else []


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["```", "````", "~~~", "~~~~", "``", "`", "~", "\n", "\n",
                                 " ", "   ", "\t", "python", "a"]), max_size=30))
def test_code_blocks_are_those_of_the_one_regex(parts):
    from service.documents.sections import fenced

    text = "".join(parts)
    assert fenced(text) == _fenced_by_one_regex(text)


def test_plain_text_is_computed_once_and_no_part_of_the_document():
    import copy
    import pickle

    from service.documents.text import unmarked
    from service.models import Document
    from service.normalize import unmark

    source = "## Skills\n**Python**, C&#35; and AT&amp;T's `SQL`\n"
    doc = document_from_text(source)
    plain, pads = unmarked(doc)
    assert (plain, pads) == unmark(doc.text)
    assert unmarked(doc)[0] is plain  # (kept: not computed again)
    # the document's value is its fields alone
    rebuilt = Document.model_validate_json(doc.model_dump_json())
    assert rebuilt == doc and doc == rebuilt
    assert rebuilt.model_dump_json() == doc.model_dump_json() and repr(rebuilt) == repr(doc)
    assert dict(rebuilt) == dict(doc)
    assert unmarked(rebuilt) == (plain, pads)  # (a document read elsewhere computes it)
    for carried in (pickle.loads(pickle.dumps(doc)), copy.deepcopy(doc), doc.model_copy()):
        assert carried == doc and unmarked(carried) == (plain, pads)
    # a copy with another text, or a text replaced, reads its own
    other = doc.model_copy(update={"text": "**Go** and R&amp;D"})
    assert unmarked(other) == unmark("**Go** and R&amp;D")
    doc.text = "`Rust`"
    assert unmarked(doc) == unmark("`Rust`")
