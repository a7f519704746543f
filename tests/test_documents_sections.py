"""Section headings in their usual variants, casings and inline forms."""

from __future__ import annotations

import pytest

from service.documents import document_from_text
from service.documents.sections import classify_heading

RESUME = """Priya Raman
priya@example.org | Bengaluru

PROFESSIONAL SUMMARY
Data scientist with five years in retail analytics.

Core Competencies:
Python, SQL, Tableau, A/B testing

Work History
Data Scientist, Flipside Retail, 2019 - Present
- Built demand forecasts with Prophet and XGBoost.
Tools: Python, Airflow, BigQuery

## Projects
**Churn model** - scikit-learn pipeline on 2M customers.

Academic Background
M.Sc. Statistics, University of Mysore, 2018

Licenses & Certifications
AWS Certified Cloud Practitioner

Publications
Forecasting with hierarchies, 2021.

Honors and Awards
Best analytics team 2022

LANGUAGES: English, Tamil, Kannada

Hobbies & Interests
Chess, running

References
Available on request
"""


def test_sections_on_a_realistic_resume():
    doc = document_from_text(RESUME, "markdown")
    names = [s.name for s in doc.sections]
    assert names == ["summary", "skills", "experience", "projects", "education",
                     "certifications", "publications", "awards", "languages", "interests",
                     "references"]
    skills = doc.sections[1]
    assert "Tableau" in doc.text[skills.start:skills.end]
    experience = doc.sections[2]
    # "Tools: …" inside a job entry is not a new section
    assert "Airflow" in doc.text[experience.start:experience.end]
    for first, second in zip(doc.sections, doc.sections[1:]):
        assert first.end == second.start
    assert doc.sections[-1].end == len(doc.text)
    offset = doc.text.index("Prophet")
    assert doc.section_at(offset).name == "experience"


@pytest.mark.parametrize(("line", "name"), [
    ("Summary", "summary"), ("PROFILE", "summary"), ("Career Objective:", "summary"),
    ("About Me", "summary"), ("Technical Skills", "skills"), ("TOOLS & TECHNOLOGIES", "skills"),
    ("Core competencies", "skills"), ("Experience", "experience"),
    ("WORK EXPERIENCE", "experience"), ("Professional Experience:", "experience"),
    ("Employment History", "experience"), ("work history", "experience"),
    ("Projects", "projects"), ("Personal Projects", "projects"), ("Education", "education"),
    ("EDUCATION & TRAINING", "education"), ("Academic Background", "education"),
    ("Certifications", "certifications"), ("Licenses", "certifications"),
    ("Publications", "publications"), ("Awards", "awards"), ("Languages", "languages"),
    ("Interests", "interests"), ("References", "references"), ("# Skills", "skills"),
    ("**Experience**", "experience"), ("=== EDUCATION ===", "education"),
    ("E X P E R I E N C E", "experience"), ("W O R K  H I S T O R Y", "experience"),
    ("1. Education", "education"), ("02 Projects", "projects"), ("II. SKILLS", "skills"),
])
def test_heading_variants(line, name):
    assert classify_heading(line) == name


@pytest.mark.parametrize("line", [
    "Built the skills matrix for the team", "Experience with Python and SQL is required",
    "Education is important to me and my family", "Python", "Jane Doe", "about 120",
    "2019 Awards", "A B C D",
])
def test_sentences_are_not_headings(line):
    assert classify_heading(line) is None


def test_inline_heading_with_content():
    doc = document_from_text("SKILLS: Python, SQL, Spark\nEXPERIENCE\nAnalyst, Initech")
    assert [(s.name, s.heading) for s in doc.sections] == [
        ("skills", "SKILLS"), ("experience", "EXPERIENCE")]
    assert doc.section_at(doc.text.index("Spark")).name == "skills"


def test_flattened_caps_heading():
    doc = document_from_text("SKILLS C Basics, Python, MATLAB. EDUCATION Details below")
    assert doc.sections[0].name == "skills"


def test_no_headings_no_sections():
    doc = document_from_text("I know Python and SQL and I have worked at Acme.")
    assert doc.sections == []
    assert doc.section_at(3) is None


def test_letter_spaced_heading_is_a_heading_not_words():
    from tests.installed import extract

    text = ("SKILLS\nPython, SQL, Docker\n\nI N T E R E S T S\nHiking, chess, climbing\n\n"
            "PUBLICATIONS\nA study of ranking, 2021\n\nL E A D E R S H I P\nLed a team of four.")
    doc = document_from_text(text)
    assert [(s.name, s.heading) for s in doc.sections] == [
        ("skills", "SKILLS"), ("interests", "I N T E R E S T S"),
        ("publications", "PUBLICATIONS"), ("other", "L E A D E R S H I P")]
    found = {hit.id for hit in extract(doc).skills}
    assert "r" not in found and {"python", "sql", "docker"} <= found


def test_unknown_letter_spaced_heading_ends_the_section():
    doc = document_from_text("PUBLICATIONS\nA paper on graphs, 2020\n\nM Y  S T O R Y\n"
                             "I grew up fixing radios.")
    assert [s.name for s in doc.sections] == ["publications", "other"]
    assert doc.section_at(doc.text.index("radios")).name == "other"


@pytest.mark.parametrize(("line", "name"), [
    ("W ORK E XPERIENCE", "experience"), ("E DUCATION", "education"),
    ("\uf0e0 EXPERIENCE", "experience"), ("\ue80d Skills", "skills"),
])
def test_small_caps_and_icon_headings(line, name):
    doc = document_from_text(f"Jane Doe\n\n{line}\nSome text here.")
    assert [s.name for s in doc.sections] == [name]


def test_roman_numeral_enumerated_heading_still_works():
    assert classify_heading("II. Experience") == "experience"
    assert classify_heading("I N T E R E S T S") == "interests"


@pytest.mark.parametrize(("line", "name"), [
    ("S U M M A RY", "summary"), ("E D U C AT I O N", "education"),
    ("W O R K  H I S T O RY", "experience"),
])
def test_letter_spacing_with_a_kerned_pair_is_a_heading(line, name):
    assert classify_heading(line) == name


def test_short_words_in_capitals_are_not_letter_spacing():
    doc = document_from_text("SKILLS\nPython\n\nIT QA BA OK\nMore text.")
    assert [s.name for s in doc.sections] == ["skills"]


def test_a_capitals_block_heading_ends_the_publications():
    from tests.installed import extract

    doc = document_from_text("PUBLICATIONS\nGraph methods for ranking, KDD 2021\n\n"
                             "SOFT SKILLS\nLeadership, mentoring\n\nEXPERIENCE\nData Scientist, "
                             "Acme Corp, 2019 - 2021")
    assert [s.name for s in doc.sections] == ["publications", "other", "experience"]
    leadership = doc.text.index("Leadership")
    assert doc.section_at(leadership).name == "other"
    assert all(ev.section != "publications" for hit in extract(doc).skills
               for ev in hit.evidence if ev.start >= leadership)


def test_capitals_inside_experience_stay_entries():
    doc = document_from_text("EXPERIENCE\nACME CORP\nData Scientist, 2019 - 2021\n- Built models.")
    assert [s.name for s in doc.sections] == ["experience"]


@pytest.mark.parametrize(("source", "fmt"), [
    ("## Technical Skills\n\nPython, Go\n\n## Invited Talks\n\n- A talk on the R and Q indices "
     "of river flow, Riverbank Water Days 2022", "markdown"),
    ("Technical Skills\n================\n\nPython, Go\n\nInvited Talks\n=============\n\n"
     "- A talk on the R and Q indices of river flow, Riverbank Water Days 2022", "text"),
    ("\\section{Technical Skills}\nPython, Go\n\\section*{Invited Talks}\n"
     "A talk on the R and Q indices of river flow, Riverbank Water Days 2022", "text"),
    ("\\cvsect{Technical Skills}\nPython, Go\n\\cvsect{Invited Talks}\n"
     "A talk on the R and Q indices of river flow, Riverbank Water Days 2022", "text"),
    ("#+TITLE: CV\n* Technical Skills\nPython, Go\n* Invited Talks\n"
     "- A talk on the R and Q indices of river flow, Riverbank Water Days 2022", "text"),
    ('<h2 class="cv">Technical Skills</h2>\n<p>Python, Go</p>\n<h2>Invited <b>Talks</b></h2>\n'
     "<p>A talk on the R and Q indices of river flow, Riverbank Water Days 2022</p>", "text"),
])
def test_a_marked_heading_of_any_words_ends_the_section_of_its_level(source, fmt):
    from tests.installed import extract

    doc = document_from_text(source, fmt)
    assert [s.name for s in doc.sections] == ["skills", "other"]
    assert doc.section_at(doc.text.index("river flow")).name == "other"
    found = {hit.id for hit in extract(doc).skills if hit.explicit}
    assert "r" not in found and {"python", "go"} <= found


def test_a_deeper_marked_heading_stays_inside_its_section():
    doc = document_from_text("## Experience\n\n### Data Scientist, Acme Corp (2019 - 2021)\n\n"
                             "- Built churn models.\n\n## Talks\n\nA talk on churn, 2022",
                             "markdown")
    assert [s.name for s in doc.sections] == ["experience", "other"]
    assert doc.section_at(doc.text.index("churn models")).name == "experience"


def test_a_marked_heading_after_a_plain_one_leaves_it_open():
    # a plain "SKILLS" line has no level to compare with: a marked line below it may be a
    # group of the skills ("### Cloud")
    doc = document_from_text("SKILLS\n\n### Cloud\n\nAWS, Go\n", "markdown")
    assert [s.name for s in doc.sections] == ["skills"]


@pytest.mark.parametrize(("source", "fmt", "names"), [
    # groups of a skills section, known names among them or not
    ("## Skills\n### Languages\nPython, R, SQL\n### Cloud\nAWS, GCP\n", "markdown",
     ["skills", "skills", "skills"]),
    ("<h2>Skills</h2>\n<h3>Languages</h3>\n<p>Python</p>\n<h3>Warehousing</h3>\n<p>Hive</p>\n",
     "text", ["skills", "skills", "skills"]),
    # a label line under the heading does not keep the section open
    ("## Technical Skills\n\nTools: Python, Go\n\n## Invited Talks\n\nA talk, 2021\n",
     "markdown", ["skills", "skills", "other"]),
    # a comment in a code block is no heading
    ("## Skills\n\nPython\n\n```bash\n# set up the tools\nmake\n```\n\nJulia\nGo\n",
     "markdown", ["skills"]),
    # a jobs' heading (a comma, a date) at the level of "Experience" stays in the experience
    ("## Experience\n## Data Scientist, Acme Corp (Jan 2019 - Mar 2021)\n- Built churn models.\n"
     "## Skills\nPython\n", "markdown", ["experience", "skills"]),
    ("Experience\n----------\n\nData Scientist, Acme Corp (Jan 2019 - Mar 2021)\n"
     "-----------------------------------------------\n- Built churn models.\n", "text",
     ["experience"]),
    # a separator under a list is not an underline that ends the skills
    ("Skills\n------\nGo, R\n---\n\nExperience\n----------\n"
     "Data Scientist, Acme Corp, 2019 - 2021\n", "text", ["skills", "experience"]),
    # a bullet that repeats a heading's words, and a table's rule, are not headings
    ("## Skills\n\n### Languages\n- Go\n\n## Projects\n\n### Go\nA tiny interpreter.\n",
     "markdown", ["skills", "skills", "projects", "projects"]),
    ("## 👋\n\nHi.\n\n## Skills\n\n| Area | Tools |\n|------|-------|\n| Code | Go |\n\n---\n\n"
     "## Experience\nData Scientist, Acme Corp, 2019 - 2021\n", "markdown",
     ["skills", "experience"]),
])
def test_marked_headings_in_common_layouts(source, fmt, names):
    assert [s.name for s in document_from_text(source, fmt).sections] == names


@pytest.mark.parametrize(("source", "names"), [
    # experience and education under a top "# Skills" keep their names
    ("# Skills\nGo, Python\n## Experience\n### Data Engineer, Acme Corp (2019 - 2021)\n"
     "- Built pipelines.\n## Education\nBSc Computer Science, 2015 - 2019\n",
     ["skills", "experience", "education"]),
    # a title with a slash or a bracket still ends the skills
    ("## Skills\n- Python\n## Music / Film\n- a board game club\n", ["skills", "other"]),
    ("## Skills\n- Python\n## Hobbies (outside work)\n- a board game club\n",
     ["skills", "other"]),
    # a contents line with a heading's words before the heading does not take its level
    ("# Jane Doe\nExperience\nSkills\n## Experience\nData Scientist, Acme Corp, 2019 - 2021\n"
     "## Skills\n- Go\n## Invited Talks\n- A talk on Swift\n",
     ["experience", "skills", "experience", "skills", "other"]),
    # an unclosed fence hides nothing
    ("## Skills\n- Python\n~~~~\n## Talks\n- A talk on Swift\n", ["skills", "other"]),
])
def test_marked_headings_keep_known_sections_and_end_skills(source, names):
    assert [s.name for s in document_from_text(source, "markdown").sections] == names


def test_an_org_source_is_told_by_its_own_marks():
    from service.normalize import org_source

    assert org_source("#+TITLE: CV\n* Skills\nPython\n")
    assert org_source("See [[https://example.org][my site]].")
    assert not org_source("* Python\n* SQL\n")  # Markdown bullets


@pytest.mark.parametrize("line, name", [
    ("Compétences techniques", "skills"),
    ("## Formação Acadêmica", "education"),
    ("EXPERIENCIA PROFESIONAL", "experience"),
    ("Fähigkeiten:", "skills"),
    ("Centres d\u2019intérêt", "interests"),
    ("Sprachkenntnisse", "languages"),
    ("Esperienze lavorative", "experience"),
])
def test_headings_in_other_languages(line, name):
    assert classify_heading(line) == name


def test_a_tool_on_its_own_line_is_no_heading_in_any_language():
    assert classify_heading("Informatica") is None
    assert classify_heading("Tableau") is None


def test_sections_of_a_resume_in_another_language():
    text = "Ana Ruiz\n\nCompetencias técnicas\nSpark\nHive\n\nExperiencia\nAnalista en Acme."
    document = document_from_text(text)
    assert [s.name for s in document.sections][:2] == ["skills", "experience"]


def test_a_company_in_capitals_opening_an_entry_is_no_foreign_heading():
    text = ("Experience\nFORMATION BIO - Senior Data Scientist, Boston (Mar 2021 - Present)\n"
            "Built churn models.\nHOBBY LOBBY STORES - Data Analyst (Jun 2017 - Feb 2021)\n"
            "Built dashboards.")
    assert [s.name for s in document_from_text(text).sections] == ["experience"]



@pytest.mark.parametrize(("line", "heading"), [
    ("\\cvsect{Technical Skills}", (1, "Technical Skills")),
    ("\\cvsubsect{Cloud}", (2, "Cloud")),
    ("\\subsection*{Tools}", (2, "Tools")),
    # commands that only end in the letters: not headings
    ("\\bisect{Go}", None),
    ("\\insect{bee}", None),
])
def test_latex_sectioning_commands_are_headings(line, heading):
    from service.documents.sections import marked_heading

    assert marked_heading(line) == heading


JS_PORTFOLIO = """\
import project01 from "./img/p1.png";

const projectsData = [
  {
    projectName: "Sales dashboard",
    technologies: [TechIcons.Python, TechIcons.Pandas],
  },
];

export const aboutMeContent = [
  "I enjoy helping teams see their numbers, with simple forecasting of weekly sales.",
];

export default projectsData;
"""


def test_a_data_files_top_level_declarations_start_sections():
    """Each `const`/`export const` of a JavaScript data file holds one part of the resume: a
    list of technologies inside the projects does not run on into the "about" text."""
    doc = document_from_text(JS_PORTFOLIO)
    about = doc.text.index("I enjoy")
    assert doc.section_at(doc.text.index("Sales dashboard")).name == "projects"
    assert doc.section_at(about).name == "summary"
    assert [s.heading for s in doc.sections if s.name == "summary"] == [
        "export const aboutMeContent = ["]


@pytest.mark.parametrize("line", [
    "let lr = 3e-4 and batch = 64; used PyTorch",  # a hard-wrapped bullet
    "let $\\lambda = 0.1$ in all experiments",
    "const app = express();",
    "let the data speak: dashboards for sales",
])
def test_a_line_opening_with_let_or_const_that_declares_no_data_is_no_heading(line):
    doc = document_from_text(f"Experience\nML Engineer, Acme, 2020 - 2023\n- Tuned models where we\n"
                             f"{line}\n- Deployed on AWS\n")
    assert [s.name for s in doc.sections] == ["experience"]


def test_an_element_titled_on_its_own_line_is_a_heading():
    text = ('<?xml version="1.0"?>\n<resume>\n    <section title="Experience">\n'
            '      <task>Built Spark ETL jobs</task>\n    </section>\n'
            '    <section title="Skills">\n      <skill>Scala</skill>\n    </section>\n</resume>')
    assert [s.name for s in document_from_text(text).sections] == ["experience", "skills"]
    named = ('<?xml version="1.0"?>\n<cv>\n  <section name="Skills">\n    <skill>Go</skill>\n'
             '  </section>\n  <section>\n    <title>Education</title>\n  </section>\n</cv>')
    assert [s.name for s in document_from_text(named).sections] == ["skills", "education"]
    # a tooltip, or a title that names no section, is no heading
    page = '<p>Intro</p>\n<img src="a.png" title="Skills">\n<a href="#" title="Education">x</a>'
    assert document_from_text(page).sections == []
    html = ('<h2>Experience</h2>\n<div class="job" title="Acme Corp">\n'
            '<p>Data Engineer, 2015 - 2023. Built Spark jobs.</p>\n</div>')
    assert [s.name for s in document_from_text(html).sections] == ["experience"]


def test_a_long_tag_line_does_not_hang():
    # a titled-element pattern once backtracked over every split of a long tag: 100 kB took
    # 85 s; the bound here only tells a hang from a run
    import time
    line = "<div" + "a" * 50_000 + ' title="Skills" ' + "b" * 50_000
    started = time.process_time()
    document_from_text("Jane Doe\nSkills\nPython\n" + line)
    assert time.process_time() - started < 5
