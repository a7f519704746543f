"""Ambiguous forms, negation/hypotheticals and requirement hints (toy taxonomy)."""

from __future__ import annotations

import pytest
from extract_toy import claimed, not_claimed, toy_extract, toy_pipeline

from tests.installed import extract
from tests.installed import extract_text as installed_extract_text
from tests.installed import taxonomy as installed_taxonomy
from service.models import Document, Section

AMBIGUOUS = [
    # (skill, positive texts, negative texts)
    ("c", ["Skills: C, Python", "Programming: C/C++", "Wrote firmware in C programming language",
           "Languages - Java, C, SQL"],
     ["Graduated with Grade C in history", "We moved to Plan C.", "Reports to the C-suite",
      "Section C of the form"]),
    ("r", ["Statistical analysis in R", "Tools: R, Python, SQL", "Analysis in Python/R",
           "RStudio"],
     ["Led the R&D team", "Dear Mr. John R. Smith, hello", "reply r to confirm"]),
    ("go", ["Services written in Go, Java and Python", "Languages: Go", "Golang microservices"],
     ["Let's go to the market", "Ready to go to work", "I go hiking on weekends"]),
    ("rust", ["Languages: Rust, C++", "Systems programming: Rust and C++"],
     ["Removed rust from old cars", "Rust on the bridge was repaired"]),
    ("julia", ["Numerical code in Julia, Python", "Skills: Julia"],
     ["Julia Roberts joined the team", "I met Julia yesterday"]),
    ("aws", ["Cloud: Amazon, Docker", "Deployed on AWS"],
     ["Worked at Amazon as a picker", "Bought it on Amazon.com"]),
    ("spark", ["Big data: Spark, Hadoop, Hive", "Apache Spark jobs", "PySpark ETL"],
     ["The talk sparked interest", "A spark of curiosity drove me"]),
    ("hive", ["Spark, Hadoop, Hive", "HiveQL queries"], ["The office was a hive of activity"]),
    ("pandas", ["Python libraries: pandas, NumPy", "Data wrangling with NumPy and pandas"],
     ["Volunteered at the zoo caring for pandas", "Giant pandas eat bamboo"]),
    ("cnn", ["Models: CNN, PyTorch", "Trained convolutional neural networks"],
     ["Appeared as a CNN news anchor guest", "I watch CNN every night"]),
    ("computer-vision", ["Research areas: CV, PyTorch", "Built CV models", "Computer vision"],
     ["Please find my CV attached", "Updated my CV last week"]),
]


@pytest.mark.parametrize(("skill", "text"), [(s, t) for s, pos, _ in AMBIGUOUS for t in pos])
def test_ambiguous_form_counts_in_technical_context(skill, text):
    assert skill in claimed(text)


@pytest.mark.parametrize(("skill", "text"), [(s, t) for s, _, neg in AMBIGUOUS for t in neg])
def test_ambiguous_form_does_not_count_elsewhere(skill, text):
    assert skill not in claimed(text)


def test_skills_section_confirms_ambiguous_forms():
    text = "Experience\nAcme\nSkills\nGo\nRust"
    document = Document(text=text, sections=[
        Section(name="experience", heading="Experience", start=0, end=16),
        Section(name="skills", heading="Skills", start=16, end=len(text)),
    ])
    extraction = extract(document, pipeline=toy_pipeline())
    assert {"go", "rust"} <= {h.id for h in extraction.skills}
    assert extraction.skill("go").evidence[0].section == "skills"
    assert extraction.skill("go").evidence[0].method == "context"


def test_skills_heading_confirms_list_below_it():
    assert {"go", "julia"} <= claimed("Technical Skills\nGo\nJulia\n")


def test_context_confirmed_mentions_have_lower_confidence():
    extraction = toy_extract("Skills: R, Python")
    assert extraction.skill("r").confidence < extraction.skill("python").confidence


NEGATED = [
    ("No experience with Java.", {"java"}),
    ("Python yes, not Scala.", {"scala"}),
    ("Deployed without Docker.", {"docker"}),
    ("Willing to learn Rust.", {"rust"}),
    ("I would like to learn Scala", {"scala"}),
    ("Eager to learn Kubernetes and Docker.", {"kubernetes", "docker"}),
    ("No experience with Java, Scala or Go.", {"java", "scala", "go"}),
    ("Docker is not required.", {"docker"}),
    ("I have never used Java", {"java"}),
    ("You do not need Kubernetes experience.", {"kubernetes"}),
    ("Scala, Go and Rust are not required.", {"scala", "go", "rust"}),
    ("Not proficient in Java yet.", {"java"}),
    ("Not yet comfortable with Docker.", {"docker"}),
    ("Currently learning Python and Scala.", {"python", "scala"}),
]


@pytest.mark.parametrize(("text", "skills"), NEGATED)
def test_negated_and_hypothetical_mentions_are_not_claimed(text, skills):
    assert skills <= not_claimed(text)
    assert not skills & claimed(text)


def test_negation_stops_at_the_clause():
    text = "No experience with Java, but strong Python. Docker daily.\nScala too"
    assert claimed(text) >= {"python", "docker", "scala"}
    assert not_claimed(text) == {"java"}


def test_negation_does_not_cross_into_the_next_clause_subject():
    text = "While I have not used Docker, I have used Hadoop."
    assert "hadoop" in claimed(text) and "docker" in not_claimed(text)


def test_negation_needs_the_cue_to_govern_the_mention():
    assert "docker" in claimed("Zero downtime deployments without outages using Docker")
    assert "java" in claimed("Not only Java but also Python")
    assert {"python", "java"} <= claimed("Languages including but not limited to Python, Java")


def test_a_skill_with_positive_and_negative_mentions_is_claimed_with_both_evidences():
    extraction = toy_extract("Python developer. No experience with Python 2 internals? Python.")
    hit = extraction.skill("python")
    assert hit is not None and any(e.negated for e in hit.evidence)
    assert any(not e.negated for e in hit.evidence)


@pytest.mark.parametrize(
    ("text", "skill", "hint"),
    [
        ("Familiarity with Docker is a plus.", "docker", "preferred"),
        ("Kubernetes experience is nice to have.", "kubernetes", "preferred"),
        ("Bonus: Scala", "scala", "preferred"),
        ("You must know Python.", "python", "required"),
        ("Strong SQL experience required.", "sql", "required"),
        ("Preferred qualifications:\n- Spark, Hadoop\n", "hadoop", "preferred"),
        ("Requirements:\n- Java\n- Docker\n", "docker", "required"),
        ("We use Python.", "python", None),
        ("What we're looking for\n- Experience with Docker\n", "docker", "required"),
        ("3+ years of Java.", "java", "required"),
        # the toy taxonomy's own cue: the words are data (cues.yaml), not code
        ("Scala some day.", "scala", "preferred"),
    ],
)
def test_requirement_hints(text, skill, hint):
    hit = toy_extract(text).skill(skill)
    assert hit is not None and hit.explicit
    assert hit.evidence[0].requirement == hint


@pytest.mark.parametrize(
    "sentence",
    [
        "Familiarity with Docker is a plus.",
        "Exposure to Kubernetes would be great.",
        "You must know Python.",
        "Minimum qualifications: 3+ years of Java.",
        "Proven experience with Spark.",
        "Terraform is optional.",
        "We use Python every day.",
    ],
)
def test_extractor_hints_and_posting_cues_agree(sentence):
    """One list of cue words (the installed ``cues.yaml``) drives both the extractor's hint and
    the posting parser's sentence cue."""
    from service.postings.cues import cue_patterns

    extraction = installed_extract_text(sentence)
    hints = {e.requirement for h in extraction.skills if h.explicit for e in h.evidence}
    assert len(hints) == 1
    patterns = cue_patterns(installed_taxonomy())
    expected = (
        "preferred" if patterns.preferred.search(sentence)
        else "required" if patterns.required.search(sentence) else None
    )
    assert hints == {expected}


@pytest.mark.parametrize(
    "text",
    [
        "Education: Bachelor's degree in business, computer science, statistics or related field.",
        "M.Sc. Statistics, 2015",
        "Statistics degree, 2012",
    ],
)
def test_degree_fields_are_skill_claims_of_kind_degree(text):
    """A degree or major names its subject (LABELING.md); the evidence says it is a degree
    field. Uses the real taxonomy (its education fields)."""
    from tests.installed import extract_text

    hit = extract_text(text).skill("statistics")
    assert hit is not None and hit.explicit
    assert [e.kind for e in hit.evidence] == ["degree"]
    running = extract_text("Strong statistics background").skill("statistics")
    assert [e.kind for e in running.evidence] == ["mention"]


@pytest.mark.parametrize(("text", "degree"), [
    ("Magister in Statistics, University of Vienna", True),   # a level form of the taxonomy given
    ("MSc. Statistics, 2015", True),
    ("Majored in Statistics and Economics", True),
    ("Magister of ceremonies; statistics for the club", False),  # a ";" ends the phrase
])
def test_a_degree_phrase_opens_with_the_taxonomys_level_forms(text: str, degree: bool) -> None:
    import re

    from service.documents.vocab import Vocabulary
    from service.extract.mention import Mention
    from service.extract.names import in_degree_phrase

    education = installed_taxonomy().education.model_copy(deep=True)
    master = next(level for level in education.levels if level.id == "master")
    master.forms = [*master.forms, "Magister"]
    levels = Vocabulary.from_files(education, installed_taxonomy().titles).levels
    start = re.search("(?i)statistics", text).start()
    mention = Mention(start, start + len("statistics"), None, "exact")  # type: ignore[arg-type]
    assert in_degree_phrase(text, mention, levels) is degree
    installed = Vocabulary.from_taxonomy(installed_taxonomy()).levels
    assert in_degree_phrase("Magister in Statistics", Mention(12, 22, None, "exact"),  # type: ignore[arg-type]
                            installed) is False


@pytest.mark.parametrize(
    "text",
    ["Software Engineer at Docker Inc., 2019-2021", "Member of the Python Software Foundation",
     "Speaker, Kubernetes Summit 2022",
     # a series of events, in the plural
     "Talks: Kafka Meetups, Google Cloud Meetups, Airflow Summits",
     # Amazon's conference; the company describing itself
     "Attend AWS re:Invent in person or virtually each year.", "Speaker at AWS Re:Invent 2023",
     "Docker is a remote-first company with employees across Europe.",
     "Snowflake is the data cloud company our customers rely on."],
)
def test_organisations_named_after_a_skill_are_not_claims(text):
    assert claimed(text) == set()


@pytest.mark.parametrize(("text", "skill"), [
    ("Published 5 papers at top Machine Learning Conferences (NeurIPS, ICML).", "machine-learning"),
    ("Won two Computer Vision Hackathons.", "computer-vision"),
])
def test_a_kind_of_event_in_the_plural_names_its_field(text, skill):
    assert skill in {h.id for h in installed_extract_text(text).skills if h.explicit}


@pytest.mark.parametrize(
    "text",
    ["M.S. in Statistics, University of Northfield, 2018",
     "BSc Statistics, Institute of Applied Sciences (2014)"],
)
def test_a_degree_field_before_a_comma_and_the_school_is_claimed(text):
    found = {h.id for h in installed_extract_text(text).skills if h.explicit}
    assert "statistics" in found


def test_a_comma_before_a_legal_form_still_names_an_organisation():
    found = {h.id for h in installed_extract_text("Engineer at Docker, Inc., 2019-2021").skills
             if h.explicit}
    assert "docker" not in found


def _installed_claims(text: str) -> set[str]:
    return {h.id for h in installed_extract_text(text).skills if h.explicit}


@pytest.mark.parametrize("text, bash", [
    ("Built a toy Unix shell in C as a course project.", False),
    ("Implemented a simple Unix shell with pipes and redirection.", False),
    ("Wrote a Unix shell script to rotate logs.", True),
    ("Skills: Unix shell, Git, Python", True),
])
def test_building_a_shell_is_not_shell_scripting(text, bash):
    assert ("bash" in _installed_claims(text)) is bash


@pytest.mark.parametrize("text, skill, found", [
    ("Used pandas to clean survey data.", "pandas", True),
    ("Using Hive for ad-hoc analysis of logs.", "hive", True),
    ("Worked in Amazon for three years as a buyer.", "amazon-web-services", False),
])
def test_an_ambiguous_name_used_for_a_purpose_is_a_claim(text, skill, found):
    assert (skill in _installed_claims(text)) is found


@pytest.mark.parametrize("text, found", [
    ("Queried clickstream tables in Hive and Snowflake.", {"hive", "snowflake"}),
    ("Data warehouse: Snowflake", {"snowflake"}),
    ("Loaded events into Snowflake nightly.", {"snowflake"}),
    ("Own the warehouse connections (Snowflake / cloud DW).", {"snowflake"}),
    ("Snowflake experience (preferred)", {"snowflake"}),
])
def test_warehouse_engines_confirm_one_another(text, found):
    assert found <= _installed_claims(text)


def test_a_snowflake_schema_is_not_snowflake():
    assert "snowflake" not in _installed_claims("Designed a snowflake schema for the data warehouse.")
    assert "snowflake" not in _installed_claims("Snowflake ornaments from our warehouse shop.")
    assert "snowflake" not in _installed_claims("Seasonal warehouse picker at Snowflake Ski Shop.")


@pytest.mark.parametrize("text", [
    "Python\nExpert\nR\nIntermediate\nSQL\nAdvanced",
    "SQL\n●●●●○\nR\n●●●○○",
    "Python\n85%\nR\n70%",
    "Python\n9\nR\n7",
])
def test_skill_bars_between_one_per_line_skills_are_stepped_over(text):
    assert "r" in _installed_claims(text)


def test_a_level_line_does_not_make_a_column_of_prose():
    assert "go" not in _installed_claims("Go\nExpert\nTeam meeting notes")
    assert "go" not in _installed_claims("Chapter\n3\nGo\n2\nthe board game club")


_POSITION = "EXPERIENCE\nData Analyst, Northwind Logistics, 2019 - 2022\n"


@pytest.mark.parametrize("line, absent, present", [
    ("Northwind is a leading provider of computer vision tools for warehouses.\n"
     "- Built Tableau dashboards.", "computer-vision", "tableau"),
    ("- The company builds recommender systems for retailers; I maintained its Python jobs.",
     "recommender-systems", "python"),
])
def test_a_resume_sentence_about_the_employer_is_not_a_claim(line, absent, present):
    found = _installed_claims(_POSITION + line)
    assert absent not in found and present in found


def test_a_posting_may_say_what_the_company_builds():
    text = "The company builds recommender systems for retailers.\nRequirements: Python, SQL."
    assert "recommender-systems" in _installed_claims(text)


@pytest.mark.parametrize("text, skill, found", [
    ("Developed Computer Vision Solutions for retail clients.", "computer-vision", True),
    ("Built Deep Learning Systems for fraud detection.", "deep-learning", True),
    ("Data Engineer at Kafka Technologies, 2019 - 2021", "kafka", False),
    ("Senior Engineer, Kafka Solutions, 2018 - 2020", "kafka", False),
])
def test_title_cased_work_after_a_verb_is_not_a_business_name(text, skill, found):
    assert (skill in _installed_claims(text)) is found


@pytest.mark.parametrize("line, absent, present", [
    ("- Worked closely with data scientists who built deep learning models; wrote SQL reports.",
     "deep-learning", "sql"),
    ("- Liaised between clients and the Kubernetes platform team using Jira.", "kubernetes", "jira"),
    # the reader's company, in a cover letter's words
    ("- I would like to see how your company runs Kubernetes; I wrote our Terraform modules.",
     "kubernetes", "terraform"),
])
def test_other_peoples_work_and_named_teams_are_not_claims(line, absent, present):
    found = _installed_claims(_POSITION + line)
    assert absent not in found and present in found


@pytest.mark.parametrize("line, skill", [
    ("- Helped other teams use Terraform and Kubernetes for deployments.", "kubernetes"),
    ("- Your company uses Kafka, which I have run in production for five years.", "kafka"),
])
def test_helping_others_use_a_tool_or_knowing_the_readers_stack_still_counts(line, skill):
    assert skill in _installed_claims(_POSITION + line)

def test_working_with_others_on_ones_own_task_still_counts():
    found = _installed_claims(_POSITION + "- Worked with engineers to deploy models on Kubernetes.")
    assert "kubernetes" in found


def test_lower_case_acronyms_count_when_the_writer_writes_in_lower_case():
    text = "jane doe. data engineer.\ni mostly write sql and some scala. built etl jobs on aws."
    assert {"sql", "amazon-web-services"} <= _installed_claims(text)


def test_lower_case_acronyms_in_capitalised_prose_still_need_context():
    from service.extract.casing import written_in_lower_case

    text = "Wrote the svc layer in Go. Please send\nyour cv to me. Built jobs. Many\nthings."
    assert not written_in_lower_case(text)
    assert "computer-vision" not in _installed_claims(text)


@pytest.mark.parametrize("text, skill, found", [
    ("You are proficient in the use of Snowflake for reporting.", "snowflake", True),
    ("Experience in using Spark on large click logs.", "spark", True),
    ("Knowledge in the use of Go is expected.", "go", True),
    # the skill's name leading a role's title
    ("We are hiring a Lead Spark Data Engineer in Porto.", "spark", True),
    ("Our team of Go developers ships weekly.", "go", True),
    ("Senior R Programmer (biostatistics)", "r", True),
    # an alias, or the name before "Software Engineer", may be the employer
    ("Amazon Software Engineer, 2019 - 2021", "amazon-web-services", False),
    ("Snowflake Software Engineer, 2019 - 2022", "snowflake", False),
    ("Experienced in the use of Julia for simulations.", "julia", True),
    ("Wrote a small Go command-line tool for the backups.", "go", True),
    ("Ran marketing for the Amazon Go app in two stores.", "go", False),
    # a language before what is made in it
    ("Wrote a small Go CLI to rotate the backup keys.", "go", True),
    ("Maintains an R package for survey weighting.", "r", True),
    ("Our Amazon app topped the store charts.", "amazon-web-services", False),
])
def test_a_phrase_or_a_role_that_takes_a_technology_confirms_it(text, skill, found):
    assert (skill in _installed_claims(text)) is found


@pytest.mark.parametrize("text, skill", [
    ("Work with the Legal, AWS, and Research teams on renewals.", "amazon-web-services"),
    ("Partner with the Spark and Kafka teams on capacity.", "spark"),
    ("Finalist, Globex ML Challenge, 2024", "machine-learning"),
    ("Co-organiser of the Deep Learning Riverside meetup", "deep-learning"),
    ("Winner of the Acme NLP Competition", "natural-language-processing"),
])
def test_teams_in_a_list_and_named_competitions_are_not_claims(text, skill):
    assert skill not in _installed_claims(text)


def test_microsoft_teams_is_no_list_of_teams():
    found = _installed_claims("Integrated the Jira, Confluence, and Microsoft Teams apps.")
    assert {"jira", "confluence"} <= found


@pytest.mark.parametrize("text, skill", [
    ("Skills: Python pandas, Python Flask, R caret", "python"),
    ("Skills: Python pandas, Python Flask, R caret", "r"),
])
def test_a_library_after_its_languages_name_names_the_language(text, skill):
    assert skill in _installed_claims(text)


@pytest.mark.parametrize("text, skill, found", [
    ("Build tools: Ninja, (C)Make, Git, Python", "c", False),
    ("Languages: Python, SQL (R)", "r", True),
])
def test_a_bracketed_letter_glued_to_a_word_is_part_of_it(text, skill, found):
    assert (skill in _installed_claims(text)) is found


@pytest.mark.parametrize("text, skill, found", [
    ("callStack: R", "r", False),
    ('"Our tools - Julia built most of them," says the CTO.', "julia", False),
])
def test_a_key_or_a_quote_that_only_looks_like_a_skills_label(text, skill, found):
    assert (skill in _installed_claims(text)) is found


@pytest.mark.parametrize("text, skill", [
    ('techStack: ["spaCy", "NLTK", "Transformers"],', "hugging-face-transformers"),
    ('languages = ["Go", "Rust"]', "go"),
    ('"skills": ["Go", "R"],', "r"),
    ("tech-stack = ['Hive', 'Spark']", "spark"),
    # one item a line, the last before the closing bracket
    ('langtech: [\n    "Django",\n    "TensorFlow",\n    "Pandas",\n    "Linux",\n  ],',
     "pandas"),
    ('tools: [\n  "Docker",\n  "Kubernetes",\n  "Spark"\n]', "spark"),
])
def test_a_data_files_skill_list_reads_as_a_list(text, skill):
    assert skill in _installed_claims(text)


@pytest.mark.parametrize("records, skill, found", [
    ('[[abilities]]\nname = "PostgreSQL"\nlevel = 6\n[[abilities]]\nname = "Teamwork"\n'
     'level = 8\n[[abilities]]\nname = "Go"\nlevel = 3\n', "go", True),
    ("abilities:\n  - name: PostgreSQL\n    level: 6\n  - name: Go\n    level: 3\n", "go", True),
    # the same key in records of another list: a referee, an employer
    ('[[abilities]]\nname = "Python"\n[[abilities]]\nname = "SQL"\n[[referees]]\n'
     'name = "Julia"\nrole = "Manager"\n', "julia", False),
    ("work:\n  - name: Snowflake\n    position: Data Engineer\nabilities:\n  - name: Python\n"
     "  - name: SQL\n", "snowflake", False),
    # a record's own nested list does not part it from its siblings
    ("items:\n- name: Python\n  tags:\n    - backend\n- name: Go\n  tags:\n    - backend\n",
     "go", True),
])
def test_a_records_value_among_records_of_skills_is_a_skill(records, skill, found):
    assert (skill in _installed_claims(records)) is found


@pytest.mark.parametrize("records, skill, found", [
    # a site's JavaScript data: one inline object per line
    ('languages: [\n  { name: "Python", level: 95 },\n  { name: "Java", level: 80 },\n'
     '  { name: "R", level: 70 },\n  { name: "C", level: 65 },\n],\n', "r", True),
    ('[{"name": "SQL", "years": 4},\n {"name": "Docker", "years": 3},\n'
     ' {"name": "Go", "years": 2}]', "go", True),
    # the same key in the next list's records: a referee
    ('skills: [\n  { name: "SQL", level: 80 },\n],\nreferees: [\n'
     '  { name: "Julia", role: "Manager" },\n],\n', "julia", False),
    # one sibling that is a skill does not make a list of skills: a team, a pet shop
    ('team: [\n  { name: "Python", role: "lead" },\n  { name: "Julia", role: "designer" },\n]',
     "julia", False),
    ('pets = [\n  { name: "Python", species: "snake" },\n  { name: "Julia", species: "cat" },\n'
     '  { name: "Dana", species: "dog" },\n]', "julia", False),
    # a value that is not the whole quoted string
    ('[\n  { name: "SQL", level: 80 },\n  { name: "R and D budget", level: 2 },\n]', "r",
     False),
])
def test_a_quoted_value_among_inline_records_of_skills_is_a_skill(records, skill, found):
    assert (skill in _installed_claims(records)) is found


@pytest.mark.parametrize("lines, skill, found", [
    # a skills column rated on each line, as a CV class or a builder lays it out
    ("Python - expert\nR - proficient\nSQL - intermediate\n", "r", True),
    ("Python: 90%\nGo: 60%\nDocker: 70%\n", "go", True),
    ("\\begin{document}\nPython - expert\\\\\nAWS - proficient\\\\\nJulia - intermediate\n"
     "\\end{document}\n", "julia", True),
    # rated spoken languages are not skills: the name there is a person's
    ("English - native\nJulia - fluent\nGerman - basic\n", "julia", False),
    # a rating word that is part of a name is the name ("React Native", "Visual Basic")
    ("Swift\nReact Native\n", "swift", True),
    ("- R\n- Visual Basic\n", "r", True),
    # a flattened skills table: the level after a space
    ("Python Advanced\nGo Advanced\nPostgreSQL Intermediate\n", "go", True),
])
def test_a_rated_item_of_a_skills_column_is_a_skill(lines, skill, found):
    assert (skill in _installed_claims(lines)) is found


@pytest.mark.parametrize("source, skill, found", [
    # a CV class's skill bars: the same argument of the same command on the lines around
    ("\\documentclass{article}\n\\begin{barchart}{5.5}\n\\baritem{R}{100}\n"
     "\\baritem{Python}{55}\n\\baritem{C++}{60}\n\\end{barchart}\n", "r", True),
    ("\\documentclass{article}\n\\skill{Languages}{Python}\n\\skill{Languages}{Go}\n"
     "\\skill{Tools}{Docker}\n", "go", True),
    # people listed with the same command, one of whom is called Python
    ("\\documentclass{article}\n\\person{Julia}{Smith}\n\\person{Ada}{Lovelace}\n"
     "\\person{Python}{Monty}\n\\person{Grace}{Hopper}\n", "julia", False),
    # one sibling that is a skill is not a list of skills
    ("\\documentclass{article}\n\\award{Julia}{2019}\n\\award{SQL}{2020}\n", "julia",
     False),
    # not across a heading: the game under the interests
    ("\\documentclass{article}\n\\cvsection{Skills}\n\\cvtag{Python} \\cvtag{SQL} "
     "\\cvtag{Docker}\n\\cvsection{Interests}\n\\cvtag{Go} \\cvtag{Hiking} \\cvtag{Chess}\n",
     "go", False),
    # a project's or a job's words beside the name: not a skill bar
    ("\\documentclass{article}\n\\project{Kafka}{streams}\n\\project{Docker}{images}\n"
     "\\project{Spark}{a kids' app}\n", "spark", False),
    ("\\documentclass{article}\n\\project{Python}{A scraper that collects prices from many "
     "shops every night}\n\\project{Docker}{A home lab with containers for media and backups}\n"
     "\\project{Go}{A mobile reading app for kids built at a weekend hackathon}\n", "go", False),
    # a category before the name may take a few words
    ("\\documentclass{article}\n\\cvskill{Data Engineering Tools}{Spark}{4}\n"
     "\\cvskill{Data Engineering Tools}{Hive}{3}\n\\cvskill{Systems Programming Languages}"
     "{Go}{5}\n", "go", True),
])
def test_a_latex_commands_argument_among_skill_arguments_is_a_skill(source, skill, found):
    assert (skill in _installed_claims(source)) is found


def test_a_web_name_written_as_a_brand_is_an_organisation():
    # the address filter knows lower-case domains; "DeepLearning.AI" is the same kind of name
    claims = _installed_claims("Certificates\n- DeepLearning.AI: Prompt Engineering for Devs\n"
                               "- Fast.ai Practical Course")
    assert not claims & {"deep-learning", "artificial-intelligence"}
    assert "fastai" in claims
    assert "deep-learning" in _installed_claims("Took a DeepLearning.AI course, then trained "
                                                "deep learning models for radiology.")



@pytest.mark.parametrize(("text", "skill"), [
    ("We use Docker and AWS daily; Docker is a tool we love.", "docker"),
    ("Deployed the services on AWS, then spoke about them at a meetup.", "amazon-web-services"),
    # a skill described as part of the company is still the job's
    ("Python is the main language in our company.", "python"),
    ("Kafka is a critical component for the firm.", "kafka"),
    ("SQL is a must-have skill in our organization.", "sql"),
])
def test_a_skill_beside_its_namesake_organisation_still_counts(text, skill):
    assert skill in {h.id for h in installed_extract_text(text).skills if h.explicit}
