"""Markup is blanked before matching (same offsets): Markdown emphasis, LaTeX escapes and
commands, HTML entities. Invented texts only."""

from __future__ import annotations

import pytest

from service.normalize import unmark
from tests.installed import extract_text


@pytest.mark.parametrize(
    "text",
    ["Languages: C\\#, **Python**, _R_, `SQL`", "R\\&D at AT&amp;T", "\\textbf{PyTorch} 50\\%",
     "C&#43;&#43; and snake_case_name", "* a bullet, 2*3 = 6",
     "Python <!-- Spark --> SQL <!-- unclosed\nDocker", "\\item Python % Spark\n\\item SQL",
     "[Scala](https://www.scala-lang.org/) and [docs](#cv)", "CI&#x2F;CD, A&#x2F;B&#x2F;C",
     "a" * 60 + "&#x2F;b &amp;R&amp;D"],
)
def test_unmark_keeps_length_so_offsets_hold(text):
    plain, _ = unmark(text)
    assert len(plain) == len(text)


def test_an_entity_inside_a_word_moves_its_spaces_before_the_word():
    plain, pads = unmark("with CI&#x2F;CD and A&#x2F;B&#x2F;C.")
    assert plain.split() == ["with", "CI/CD", "and", "A/B/C."]
    # after a space or a mark, or a character that keeps words apart ("&", a comma, a
    # zero-width space), the spaces stay after the character
    assert unmark("x &amp; y")[0].split() == ["x", "&", "y"]
    assert unmark("Python&amp;R, SQL&#44;Docker")[0].split() == ["Python&", "R,", "SQL,", "Docker"]


@pytest.mark.parametrize(("header", "title"), [
    ("Senior&nbsp;Data&nbsp;Scientist, Acme&nbsp;Corp", "Senior Data Scientist"),
    ("Senior Data&nbsp;Scientist, Acme&nbsp;Corp", "Senior Data Scientist"),
    (("Senior&nbsp;Principal&nbsp;Machine&nbsp;Learning&nbsp;Infrastructure&nbsp;Engineer, "
      "Acme&nbsp;Corp"), "Senior Principal Machine Learning Infrastructure Engineer"),
])
def test_a_title_joined_by_no_break_spaces_is_one_title(header, title):
    # (the entity's padding read as a column's gap: "Senior" the title, "Data Scientist" the
    # employer)
    from service.documents import document_from_text

    doc = document_from_text(f"Experience\n{header}\nJan 2019 - Mar 2021\n"
                             "- Built churn models in Python.\n")
    assert [(p.title, p.employer, p.relevant) for p in doc.positions] == [
        (title, "Acme Corp", True)]


def test_other_space_entities_keep_their_meaning_and_evidence_its_own_words():
    from service.documents import document_from_text

    # a newline entity still ends a line
    doc = document_from_text("Experience&#10;Senior Data Scientist, Acme Corp&#10;"
                             "Jan 2019 - Mar 2021&#10;- Built churn models in Python.&#10;")
    assert [(p.title, p.employer) for p in doc.positions] == [
        ("Senior Data Scientist", "Acme Corp")]
    extraction = extract_text("Skills: Python&nbsp;SQL&nbsp;Docker&nbsp;Kubernetes")
    for skill, name in (("python", "Python"), ("sql", "SQL"), ("docker", "Docker")):
        first = extraction.skill(skill).evidence[0]
        assert first.text == name == extraction.text[first.start:first.end]


def test_unmark_leaves_plain_text_alone():
    assert unmark("Python, SQL and snake_case names; 2*3 = 6") == (
        "Python, SQL and snake_case names; 2*3 = 6", None)


@pytest.mark.parametrize(
    ("text", "skill", "evidence"),
    [
        ("Languages: **Python**, Go", "python", "Python"),
        ("Skills: _R_, SQL", "r", "R"),
        ("Built services in C\\# and Java", "c-sharp", "C\\#"),
        ("Skills: C&#43;&#43;, Rust", "c-plus-plus", "C&#43;&#43;"),
        ("Skills: \\textbf{PyTorch}, NumPy", "pytorch", "PyTorch"),
        ("Stack: `Docker`, `Kubernetes`", "docker", "Docker"),
        ("Languages: R, C\\texttt{++}, SQL", "c-plus-plus", "C\\texttt{++}"),
        ("Languages: C{}\\textsuperscript{\\#}, Java", "c-sharp", "C{}\\textsuperscript{\\#}"),
        # an entity inside a word keeps the word whole; the evidence takes the whole of it
        ("Maintain the monolith, including CI&#x2F;CD and on-call.", "ci-cd", "CI&#x2F;CD"),
        ("Stack: Node.js&#x2F;React, Postgres", "nodejs", "Node.js&#x2F;"),
        ("Stack: Node.js&#x2F;React, Postgres", "react", "React"),
        ("Languages: C&#x2F;C&#x2B;&#x2B;, Go", "c", "C&#x2F;C&#x2B;&#x2B;"),
        ("Libraries: scikit&#45;learn, pandas", "scikit-learn", "scikit&#45;learn"),
        ("Stack: Node&#46;js, Postgres", "nodejs", "Node&#46;js"),
    ],
)
def test_skills_inside_markup_are_found_with_evidence_from_the_source(text, skill, evidence):
    extraction = extract_text(text)
    hit = extraction.skill(skill)
    assert hit is not None and hit.explicit
    first = hit.evidence[0]
    assert first.text == evidence == extraction.text[first.start:first.end]


def test_html_tags_inside_a_text_are_blanked():
    text = '<tr>\n  <td align="left">Tools</td>\n  <td align="left">Matlab, Numpy</td>\n</tr>'
    plain, _ = unmark(text)
    assert len(plain) == len(text) and "<" not in plain and "align" not in plain
    assert {"matlab", "numpy"} <= {s.id for s in extract_text(text).skills}
    # only known elements with name="value" attributes: a comparison, a generic type or an
    # arrow in prose is no tag
    for prose in ("x<5 and List<String>", "Cut latency to <a second by moving RabbitMQ -> Kafka"):
        assert unmark(prose)[0] == prose


def test_an_xml_sources_tags_are_blanked_whatever_their_names():
    text = ('<?xml version="1.0"?>\n<resume>\n  <section title="Experience">\n    <job>\n'
            '      <task>Built Spark ETL jobs on Databricks</task>\n    </job>\n  </section>\n'
            '  <section title="Skills">\n    <skill>Scala</skill><skill>Kafka</skill>\n'
            '    <skill name="dbt" level="3"/>\n  </section>\n</resume>\n')
    plain, _ = unmark(text)
    assert len(plain) == len(text) and "<" not in plain and "level" not in plain
    assert "Skills" in plain and "dbt" in plain  # a title-like attribute's value is read
    found = {s.id for s in extract_text(text).skills}
    assert {"databricks", "scala", "kafka", "dbt", "spark"} <= found
    # a DOCTYPE and CDATA marks are markup too; in XHTML a name is an identifier
    xhtml = ('<?xml version="1.0"?>\n<!DOCTYPE html>\n<html><body><p><![CDATA[Python]]></p>'
             '<input name="spark" title="Kafka"/></body></html>')
    plain = unmark(xhtml)[0]
    assert "DOCTYPE" not in plain and "CDATA" not in plain and "spark" not in plain
    assert "Kafka" in plain and "Python" in plain
    # without the declaration only known HTML elements are tags
    assert "<task>" in unmark("<task>Built Spark ETL jobs</task> and <b>Kafka</b>")[0]


def test_an_org_mode_link_reads_as_its_description():
    text = "Numerical computing: [[http://www.numpy.org/][Numpy]], [[https://scipy.org/][Scipy]]"
    plain, _ = unmark(text)
    assert len(plain) == len(text) and "http" not in plain and "[[" not in plain
    assert {"numpy", "scipy"} <= {s.id for s in extract_text(text).skills}


ORG_CV = """#+TITLE: Résumé
#+OPTIONS: toc:nil
* Toolbox
- Languages :: =Kotlin=, ~Go~, /Scala/, *Rust*
- Libraries :: +Theano+ (retired), =scikit-learn=
** Backend Developer, Quillworks                                     :job:
- Rewrote the billing jobs in ~Python~, see /srv/billing/ for the layout.
"""


def test_org_mode_emphasis_is_blanked_in_an_org_source():
    plain, _ = unmark(ORG_CV)
    assert len(plain) == len(ORG_CV)
    for word in ("Kotlin", "Go", "Scala", "Rust", "Theano", "scikit-learn", "Python"):
        assert f" {word} " in plain
    claimed = {s.id for s in extract_text(ORG_CV).skills if s.explicit}
    assert {"go", "scala", "rust", "scikit-learn", "python"} <= claimed


@pytest.mark.parametrize("text", [
    # no Org source: the same markers are left alone
    "Reach me at =sign= or ~tilde~ in plain notes.",
    # in an Org source, markers not around a word: an equation, a path, an approximate number
    "#+TITLE: CV\nSet x = y / 2 and ~ 5 years of it; C++ and C++ again.",
])
def test_org_markers_are_left_where_org_would_not_read_them(text):
    assert unmark(text)[0] == text


def test_a_latex_tie_reads_as_a_space_in_latex_sources_only():
    assert unmark("\\item Hugging~Face, Scikit~Learn")[0] == "\\item Hugging Face, Scikit Learn"
    assert "Hugging~Face" in unmark("See **Hugging~Face** docs")[0]


def test_a_suffix_set_in_another_font_is_part_of_the_name():
    assert extract_text("Languages: R, C\\texttt{++}, SQL").skill("c") is None
    # a font change after a space is no suffix
    assert extract_text("Languages: C \\texttt{++ and Java}").skill("c") is not None


def test_an_escaped_ampersand_still_reads_as_r_and_d():
    assert extract_text("Led the R\\&D team").skill("r") is None


def test_a_yaml_sources_commented_out_entries_are_blanked_but_markdown_headings_kept():
    data = ("experience:\n  - company: Acme\n    role: Data Scientist\n"
            "    summary: Built churn models in Python.\n"
            "# - name: Statistics\n#   url: https://example.org\n"
            "    # - Launched a Hadoop cluster on 20 nodes.\n")
    plain, _ = unmark(data)
    assert len(plain) == len(data) and "Statistics" not in plain and "Python" in plain
    ex = extract_text(data, kind="resume")
    assert ex.skill("statistics") is None and ex.skill("python") is not None
    assert ex.skill("hadoop") is None
    # a Markdown heading or a lone comment line in prose is no YAML comment, even below a
    # page's front matter; inside the front matter a "#" line is one
    markdown = "# Experience\n# skills: Python, SQL\nBuilt models.\n"
    assert unmark(markdown)[0] == markdown
    page = ("---\nlayout: cv\ntitle: CV\npermalink: /cv/\n# - name: Statistics\n---\n\n"
            "# skills: Python, PyTorch, SQL\n#- Built Spark pipelines\nMore about my work.\n")
    plain = unmark(page)[0]
    assert "Statistics" not in plain and "# skills: Python" in plain and "#- Built" in plain


def test_comments_and_link_addresses_are_blanked_but_link_texts_kept():
    plain, _ = unmark("Python <!-- Spark --> [Scala](https://x.org/a) \\item SQL % Kafka")
    assert "Spark" not in plain and "https" not in plain and "Kafka" not in plain
    assert "Scala" in plain and "Python" in plain and "SQL" in plain
    # an address's escape is no LaTeX comment, and an unclosed comment hides one line only
    assert "Spark" in unmark("\\href{https://x.org/jane%20doe}{GitHub} Python, Spark")[0]
    assert "Docker" in unmark("Python <!-- unclosed\nDocker")[0]
    # nor is a percentage: a LinkedIn export with one stray "\textbf{LRU}" keeps its line
    stray = ("- Built a buffer manager with an \\textbf{LRU} policy.\n"
             "- Trained a random forest classifier, achieving 88% accuracy on Spark.")
    assert "accuracy on Spark" in unmark(stray)[0]
    assert "Kafka" not in unmark("\\item SQL\n% Kafka\n\\item Python %Kafka")[0]



def test_a_typst_content_block_reads_its_items():
    text = ("#grid(columns: 2)[Languages][Rust · Go · SQL]\n"
            "#emph[Stats]: #strong[R] · Stata\n#block[Git · Docker]")
    found = {s.id for s in extract_text(text, kind="resume").skills if s.explicit}
    assert {"rust", "go", "sql", "r", "git", "docker"} <= found


def test_a_row_of_badges_reads_each_badge():
    text = ("![R](https://img.shields.io/badge/R-276DC3?logo=r&logoColor=white) "
            "![C](https://img.shields.io/badge/C-A8B9CC?logo=c) "
            "![Go](https://img.shields.io/badge/Go-00ADD8?logo=go) "
            "![Docker](https://img.shields.io/badge/Docker-2496ED?logo=docker)")
    plain, _ = unmark(text)
    assert len(plain) == len(text) and "!" not in plain
    found = {s.id for s in extract_text(text, kind="resume").skills if s.explicit}
    assert {"r", "c", "go", "docker"} <= found


def test_a_typst_sources_comments_are_not_read():
    text = ('#set text(font: "Inter")\n#let name = "Tomas Varga"\n'
            "// - Kaggle bronze medal with a Spark streaming notebook\n"
            "- Wrote a Python CLI (https://example.org/x//y) // draft: Rust port\n"
            "/* Old jobs:\n- Hadoop admin */\n- SQL reports\n")
    plain, _ = unmark(text)
    assert len(plain) == len(text) and "https://example.org/x//y" in plain
    found = {s.id for s in extract_text(text, kind="resume").skills if s.explicit}
    assert {"python", "sql"} <= found
    assert not found & {"rust", "spark", "hadoop"}


def test_double_slashes_outside_a_typst_source_are_text():
    text = "Skills: Python // Rust // SQL\nhttps://example.com//x"
    assert unmark(text)[0] == text


@pytest.mark.parametrize("text, skills", [
    # a skill bar's rating after a bracketed list
    ("{BI Developer (PowerBI, Qlik, Tableau)/3}, {Data (Python, R \\& SQL)/4.2}",
     {"tableau", "sql"}),
    # LaTeX's line break glued to a word, and after one
    ("Python/CUDA/\\\\Matlab/Java (user)", {"cuda", "matlab"}),
    ("Tracking algorithm based on SVM.\\\\", {"support-vector-machines"}),
])
def test_ratings_and_latex_line_breaks_glued_to_a_name(text, skills):
    found = {h.id for h in extract_text(text).skills if h.explicit}
    assert skills <= found


def test_a_windows_path_is_not_split_into_names():
    # as escaped in a script's string: "\\\\fileserver\\\\share\\\\Tableau\\\\exports"
    path = "Exports in " + "\\\\".join(["", "fileserver", "share", "Tableau", "exports"])
    found = {h.id for h in extract_text(path).skills}
    assert "tableau" not in found



GROFF_RESUME = """.\\" resume.ms: groff -ms resume.ms > resume.ps
.nr PS 11p
.ds AUTHOR Ilse Marquardt
.TL
\\*[AUTHOR]
.SH
Experience
.PP
Built \\fBCI/CD pipelines\\fR in \\fIAzure DevOps\\fP and ran \\fBA/B tests\\fR for checkout\\(em
with \\s-2Bash\\s+2 scripts and \\f[CW]Terraform\\f[].
.IP \\(bu 2
Wrote firmware in
.B C
for the sensor boards.
.\\" .IP \\(bu 2
.\\" Migrated the Hadoop cluster to Spark.
"""


def test_a_groff_sources_requests_escapes_and_comments_are_blanked():
    text, _ = unmark(GROFF_RESUME)
    assert len(text) == len(GROFF_RESUME)
    assert "CI/CD pipelines" in text and "Azure DevOps" in text and "\\f" not in text
    assert "Hadoop" not in text and ".PP" not in text
    found = {h.id for h in extract_text(GROFF_RESUME).skills if h.explicit}
    assert {"ci-cd", "a-b-testing", "bash", "terraform", "c"} <= found
    assert not {"hadoop", "spark"} & found


@pytest.mark.parametrize("text", [
    ".NET developer\nSkills: C#, .NET, Azure\n.NET Core services",
    "Notes\n.B is a file name\nWe use \\fB as a flag",
    "Talks\n'AI in Healthcare' - PyData 2022\n'AI Ethics for Engineers' - WiT 2023\n"
    "'AI at the Edge' - DevFest\nSkills\n.NET Core, C#, Azure\n",
    "Sites\n.in domains for the Indian shop\n.fi domains too\n.B2B portal\n.NET Core\n",
])
def test_text_that_is_not_a_troff_source_is_left_alone(text):
    assert unmark(text)[0] == text


def test_troff_sizes_italic_corrections_and_ignored_blocks():
    source = (".\\\" cv.ms\n.SH\nSkills\n.PP\n\\fIPython\\/\\fP and \\s12Terraform\\s0, "
              "\\s'12'Kubernetes\\s0.\n.ig\nHadoop admin for the old cluster\n..\n"
              ".PP\nDone.\n")
    text, _ = unmark(source)
    assert len(text) == len(source) and "Hadoop" not in text
    found = {h.id for h in extract_text(source).skills if h.explicit}
    assert {"python", "terraform", "kubernetes"} <= found and "hadoop" not in found


def test_an_html_images_text_alternative_is_read_as_a_markdown_images_is():
    """A page's row of tool logos names each tool in its alt text; a logo inside an HTML
    comment stays unread, and so do the other attributes."""
    page = ('<h3>Languages and Tools</h3>\n<p><img src="https://x.org/icons/python.svg" '
            'alt="python" width="40"/> <img alt=\'docker\' src="d.svg"> '
            '<img src="scala.svg" width="40"/></p>\n<!-- <img src="k.svg" alt="kubernetes"/> -->')
    plain, _ = unmark(page)
    assert len(plain) == len(page) and "src" not in plain and "width" not in plain
    found = extract_text(page, kind="resume")
    assert found.skill("python") is not None and found.skill("docker") is not None
    assert found.skill("scala") is None and found.skill("kubernetes") is None


@pytest.mark.timeout(10)  # (a hang guard: a scan of every comment per image took 14 s here)
def test_an_alt_text_among_many_comments_is_read_without_a_scan_per_image():
    page = '<img alt="Go"><!---->' * 15000
    plain, _ = unmark(page)
    assert len(plain) == len(page) and plain.count("Go") == 15000
    assert "Go" not in unmark('<img data-alt="Go" src="g.svg">')[0]
