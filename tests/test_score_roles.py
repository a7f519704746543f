"""Role evidence, degree fields, a posting's role, bands and one vocabulary (issue 18).

Every resume and posting here is invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.batch.work import describe_run
from service.batch.writers import CSV_COLUMNS, csv_row
from service.errors import TaxonomyError
from tests.installed import context, extract_text, parse_job, score
from service.scoring import BAND_MEANING, band_of, role_families
from service.scoring.bands import THRESHOLDS
from service.scoring.roles import is_student_role
from service.taxonomy import get_profile, get_taxonomy, load_taxonomy

ANALYST = """Priya Raman
Data Analyst

Summary
Data analyst who turns sales and operations data into weekly decisions for regional managers.

Experience
Data Analyst, Northwind Retail
March 2020 - Present
- Built Tableau dashboards on sales, returns and stock levels used by forty store managers.
- Wrote SQL queries against the warehouse to track promotions and weekly revenue.
- Cleaned and joined supplier files in Excel and Python (pandas) for the monthly review.

Junior Analyst, Lakeside Insurance
June 2018 - February 2020
- Prepared monthly claims reports in Excel and presented them to the operations team.

Education
MSc Statistics, University of Leeds, 2018
BSc Mathematics, University of York, 2017

Skills
SQL, Excel, Tableau, Python, pandas
"""

RESEARCHER = """Dr. Tomas Lindqvist
Research Scientist

Experience
Research Scientist, Helix Vision Lab
January 2021 - Present
- Lead a team of four studying sample-efficient training of vision models.
- Designed ablation studies and evaluation protocols for our benchmark releases.

Research Fellow, Nordic Institute for Computing
September 2018 - December 2020
- Developed new methods for learning from few labelled images; released the code.

Publications
- Lindqvist T., Berg A. Sparse prototypes for few-shot recognition. NeurIPS 2022.
- Lindqvist T. et al. Calibrated self-training. ICML 2021.

Education
PhD in Computer Science, Uppsala University, 2018
MSc Engineering Physics, KTH, 2013

Skills
Python, C++
"""

ML_POSTING = """Senior Machine Learning Engineer
About the role
You will build and ship the models behind our recommendations.
Requirements
- 4+ years of experience in machine learning.
- Strong Python; experience with PyTorch or TensorFlow.
- Experience with supervised learning, deep learning and model evaluation.
- Docker, Kubernetes, AWS, SQL, Git and REST APIs.
- BS in Statistics, Computer Science or a related field.
"""

DATA_SCIENTIST = """Maya Chen
Experience
Data Scientist, Orbit Payments
January 2018 - March 2024
- Built fraud models in Python and shipped them behind a REST API.
- Ran supervised learning experiments with PyTorch and measured them with careful model evaluation.
Education
BSc Computer Science, Riverside University, 2017
"""

KEYWORDS = ", ".join([
    "Python", "PyTorch", "TensorFlow", "Keras", "scikit-learn", "XGBoost", "pandas", "NumPy",
    "SQL", "Docker", "Kubernetes", "AWS", "GCP", "Azure", "Git", "REST APIs", "Spark", "Kafka",
    "Airflow", "machine learning", "deep learning", "supervised learning",
    "unsupervised learning", "model evaluation", "NLP", "computer vision", "statistics",
    "probability", "linear algebra", "feature engineering", "data pipelines", "MLflow",
    "Java", "Scala", "C++", "R", "Tableau", "Power BI", "Excel", "Linux", "Bash", "Jenkins",
    "Terraform", "PostgreSQL", "MongoDB", "Redis", "Flask", "Django", "FastAPI", "React",
    "JavaScript", "TypeScript", "Node.js", "Hadoop", "Hive", "BigQuery", "Snowflake",
    "Databricks", "SageMaker", "Vertex AI",
])


@pytest.fixture(scope="module")
def profile():
    return get_profile("ml-engineer")


def _item(report, item_id):
    return next(i for g in report.breakdown for i in g.items if i.id == item_id)


def test_data_analyst_with_msc_statistics_gets_credit_for_statistics(profile):
    report = score(extract_text(ANALYST), profile)
    for item_id in ("statistics", "probability"):
        item = _item(report, item_id)
        assert item.credit >= 0.5 and item.reason == "degree", item
        assert "Statistics" in item.how and item.evidence
    assert not {"Statistics", "Probability"} & set(report.missing_required)
    stats_gap = next((g for g in report.gaps if g.id == "statistics"), None)
    assert stats_gap is None or stats_gap.partial
    assert _item(report, "data-analysis").reason == "role"  # the Data Analyst position shows it


def test_research_scientist_gets_credit_for_research_roles_and_publications(profile):
    report = score(extract_text(RESEARCHER), profile)
    ml = _item(report, "machine-learning")
    assert ml.credit >= 0.6, ml
    assert not any(g.id == "machine-learning" and not g.partial for g in report.gaps)
    assert "Machine learning" not in report.missing_required
    role = next(c for c in report.requirements if c.id == "role")
    assert role.met and "Research Scientist" in role.detail
    evaluation = _item(report, "model-evaluation")
    assert evaluation.credit > 0 and evaluation.reason in {"research", "role"}
    plain = RESEARCHER.replace("Research Scientist", "Staff Member").replace(
        "Research Fellow", "Staff Member").split("Publications")[0] + "Skills\nPython, C++\n"
    assert report.score > score(extract_text(plain), profile).score + 5  # the roles and papers


def test_role_families_come_from_titles():
    families = role_families(get_taxonomy())
    assert families.family_of("Senior Machine Learning Engineer") == "machine-learning-engineer"
    assert families.family_of("AI/ML Intern") == "machine-learning-engineer"
    assert families.family_of("Lead Data Scientist") == "data-scientist"
    assert families.family_of("Data Analytics Intern") == "data-analyst"
    assert families.family_of("UX Designer") is None
    for title in ("ML Engineer II", "AI Engineer", "Deep Learning Engineer", "NLP Engineer",
                  "Computer Vision Engineer", "Generative AI Engineer"):
        assert families.family_of(title) == "machine-learning-engineer", title
    assert families.family_of("Senior Applied Scientist") == "applied-scientist"
    assert families.family_of("Staff Data Scientist") == "data-scientist"
    # an engineering or research title that names ML is in the ML family (ml_variant)
    assert families.family_of("Staff Software Engineer, Machine Learning") == \
        "machine-learning-engineer"
    assert families.family_of("Backend Engineer (AI Platform)") == "machine-learning-engineer"
    assert families.family_of("Postdoctoral Researcher in NLP") == "ml-researcher"
    # research and student research roles: ML research when the title names ML, else research
    for title in ("Research Intern, ML", "ML Research Intern", "PhD Candidate, Computer Vision",
                  "Graduate Research Assistant, Deep Learning Lab"):
        assert families.family_of(title) == "ml-researcher", title
    for title in ("Research Intern", "Graduate Research Assistant", "PhD Student"):
        assert families.family_of(title) == "researcher", title
        assert is_student_role(title), title
    assert "researcher" not in families.ml
    assert families.family_of("Data Engineer, ML Platform") == "mlops-engineer"
    assert families.family_of("Senior Software Engineer") == "software-engineer"
    assert families.family_of("Data Analyst, AI Products") == "data-analyst"  # no ML variant
    assert families.match("machine-learning-engineer", "machine-learning-engineer") > \
        families.match("machine-learning-engineer", "data-scientist") > \
        families.match("machine-learning-engineer", "software-engineer")  # ML roles: ML families
    assert families.match("data-engineer", "software-engineer") > \
        families.match("data-engineer", "analyst")


def test_years_in_ml_roles_meet_a_postings_years_of_ml():
    job = parse_job(ML_POSTING)
    ml_item = next(i for g in job.groups for i in g.items if "machine-learning" in i.any_of)
    assert ml_item.min_years == 4
    report = score(extract_text(DATA_SCIENTIST), job)
    scored = next(i for g in report.breakdown for i in g.items if i.id == ml_item.id)
    # six years as a data scientist meet "4+ years of ML": no shortfall, no "years unknown"
    assert "years asked" not in scored.how and "unknown" not in scored.how, scored.how
    assert scored.credit >= 0.6
    role = next(c for c in report.requirements if c.id == "role")
    assert role.met and "Data Scientist" in role.detail


DESIGNER = """Ana Ruiz
Experience
Product Designer, Lumen Apps
January 2012 - March 2024
- Designed mobile checkout flows and ran usability studies with Python notebooks.
Education
BSc Computer Science, Riverside University, 2011
"""


def test_years_in_the_role_count_more_than_years_of_any_work(profile):
    """Half the experience credit is professional years, half years in the role (or an ML
    family for an ML role): twelve years as a designer do not beat six as a data scientist."""
    def experience(text, target):
        return next(c for c in score(extract_text(text), target).requirements
                    if c.id == "experience")

    for target in (profile, parse_job(ML_POSTING)):
        scientist, designer = experience(DATA_SCIENTIST, target), experience(DESIGNER, target)
        assert scientist.points == pytest.approx(scientist.weight, abs=0.01)
        assert designer.points == pytest.approx(designer.weight / 2, abs=0.01)
        assert "none in the role" in designer.detail and "in the role" in scientist.detail


def test_a_keyword_list_does_not_outrank_real_experience(profile):
    keywords = extract_text(KEYWORDS + "\n")
    experienced = extract_text(DATA_SCIENTIST)
    for target in (profile, parse_job(ML_POSTING)):
        assert score(experienced, target).score > score(keywords, target).score


def test_a_list_of_majors_is_part_of_the_degree_not_a_required_skill():
    job = parse_job(ML_POSTING)
    assert {"statistics", "computer-science"} <= set(job.education.fields)
    assert not any("statistics" in i.any_of for g in job.groups for i in g.items)
    report = score(extract_text(DATA_SCIENTIST), job)  # a CS graduate
    assert not any("statistic" in g.label.lower() for g in report.gaps)
    education = next(c for c in report.requirements if c.id == "education")
    assert education.met and education.points == pytest.approx(education.weight, abs=0.01)


def test_a_posting_is_a_role_its_core_methods_weigh_more():
    job = parse_job(ML_POSTING)
    assert job.role.family == "machine-learning-engineer" and job.role.weight > 0
    weights = {i.any_of[0]: i.weight for g in job.groups for i in g.items}
    assert weights["supervised-learning"] > weights["docker"]
    assert job.role.why is not None and job.role.why.start == 0


WEB_DEVELOPER = """Sam Patel
Web Developer

Experience
Senior Web Developer, Brightside Studio
January 2016 - March 2024
- Built React and Node.js storefronts on AWS with Docker, Kubernetes and a REST API layer.
- Kept the PostgreSQL schema, SQL reports and CI/CD pipelines in Git healthy.

Education
BSc Computer Science, Riverside University, 2015

Skills
Python, JavaScript, TypeScript, React, Node.js, SQL, Docker, Kubernetes, AWS, Git, REST APIs,
PyTorch, TensorFlow, scikit-learn, machine learning, deep learning, supervised learning,
model evaluation, pandas, NumPy
"""


def test_an_ml_posting_ranks_a_data_scientist_above_a_web_developer_listing_ml_keywords(profile):
    """Same keywords, different work: the role and the ML used in experience decide."""
    scientist, developer = extract_text(DATA_SCIENTIST), extract_text(WEB_DEVELOPER)
    for target in (profile, parse_job(ML_POSTING)):
        assert score(scientist, target).score > score(developer, target).score + 5


def test_every_report_has_a_band_that_explains_itself(profile):
    for text in (ANALYST, RESEARCHER, DATA_SCIENTIST, KEYWORDS):
        report = score(extract_text(text), profile)
        assert report.band == band_of(report.score, "profile")
        assert report.band_meaning == BAND_MEANING[report.band]
    weak, strong = THRESHOLDS["profile"]
    assert band_of(strong, "profile") == "strong" and band_of(weak - 0.1, "profile") == "weak"
    assert band_of((weak + strong) / 2, "profile") == "partial"


def test_one_vocabulary_for_gaps(profile):
    for target in (profile, parse_job(ML_POSTING)):
        for text in (ANALYST, RESEARCHER, DATA_SCIENTIST):
            report = score(extract_text(text), target)
            missing = set(report.missing_required)
            # "Required, but not shown" and "partly shown" never name the same item
            assert not [g.label for g in report.gaps if g.partial and g.label in missing]
            # and everything "not shown" is a gap under the same words
            assert missing <= {g.label for g in report.gaps}
    labels = [i.label for g in parse_job(ML_POSTING).groups for i in g.items]
    assert "Supervised learning" in labels and "Model evaluation" in labels  # as profiles write
    assert "Python" in labels


def test_batch_csv_columns_add_up_to_the_score(profile):
    header = describe_run(context(), "ml-engineer", None)
    names = [g.name for g in header.groups]
    assert {"Role", "Degree", "Experience"} <= set(names)
    report = score(extract_text(RESEARCHER), profile)
    row = csv_row({"status": "ok", "path": "r.txt", "report": report.model_dump()},
                  [g.id for g in header.groups])
    cells = dict(zip(CSV_COLUMNS + names, row, strict=True))
    assert cells["band"] == report.band
    assert sum(float(cells[n]) for n in names) == pytest.approx(report.score, abs=0.3)


def test_role_data_is_validated_at_load(tmp_path: Path):
    (tmp_path / "skills").mkdir()
    (tmp_path / "skills" / "a.yaml").write_text(
        "skills:\n  - {id: python, name: Python, category: language}\n", encoding="utf-8")
    (tmp_path / "titles.yaml").write_text(
        "titles:\n  - {id: dev, name: Developer, forms: [Developer], proves: [cobol]}\n",
        encoding="utf-8")
    with pytest.raises(TaxonomyError, match="titles.yaml: entry dev: field proves: unknown skill"):
        load_taxonomy(tmp_path)
    (tmp_path / "titles.yaml").write_text(
        "titles:\n  - {id: dev, name: Developer, forms: [Developer], near: [nobody]}\n",
        encoding="utf-8")
    with pytest.raises(TaxonomyError, match="field near: unknown role family"):
        load_taxonomy(tmp_path)
    (tmp_path / "titles.yaml").write_text(
        "titles:\n  - {id: dev, name: Developer, forms: [Developer], ml_variant: web}\n"
        "  - {id: web, name: Web Developer, forms: [Web Developer]}\n", encoding="utf-8")
    with pytest.raises(TaxonomyError, match="entry dev: field ml_variant: not an ML role family"):
        load_taxonomy(tmp_path)


def test_posting_majors_use_the_taxonomy_fields_a_resume_degree_is_read_with():
    job = parse_job("Data Engineer\nRequirements\n- Python and SQL.\n"
                    "- Education: BS in Software Engineering or Applied Mathematics.\n")
    assert set(job.education.fields) == {"software-engineering", "mathematics"}


def test_posting_cues_are_taxonomy_data_validated_at_load(tmp_path: Path):
    (tmp_path / "skills").mkdir()
    (tmp_path / "skills" / "a.yaml").write_text(
        "skills:\n  - {id: python, name: Python, category: language}\n", encoding="utf-8")
    (tmp_path / "cues.yaml").write_text("preferred: ['(unclosed']\n", encoding="utf-8")
    with pytest.raises(TaxonomyError, match="cues.yaml: entry cues: field preferred"):
        load_taxonomy(tmp_path)
    (tmp_path / "cues.yaml").write_text("preferred: ['\\bsome day\\b']\n", encoding="utf-8")
    tax = load_taxonomy(tmp_path)
    job = parse_job("Developer\n- Python some day.\n", taxonomy=tax)
    assert job.groups[0].items[0].importance == "preferred"


STUDENT_WITH_ML_PROJECTS = """Lena Okafor

Projects
Traffic sign classifier
- Trained a convolutional neural network in PyTorch; used transfer learning and data augmentation.
Review sentiment
- Fine-tuned a transformer for sentiment analysis and compared it with logistic regression.

Skills
Python, Git

Education
BSc Mathematics, Lakeside University, 2024
"""

STUDENT_WITH_ML_SKILLS_LISTED = """Lena Okafor

Projects
Library booking site
- Built a booking site with Django and PostgreSQL.

Skills
Python, Git, PyTorch, neural networks, transfer learning, sentiment analysis, logistic regression

Education
BSc Mathematics, Lakeside University, 2024
"""


def _role(report):
    return next(c for c in report.requirements if c.id == "role")


def test_ml_work_in_projects_is_role_evidence_a_skills_list_is_not(profile):
    projects = extract_text(STUDENT_WITH_ML_PROJECTS)
    listed = extract_text(STUDENT_WITH_ML_SKILLS_LISTED)
    for target in (profile, parse_job(ML_POSTING)):
        shown = _role(score(projects, target))
        assert shown.points > 0 and "projects" in shown.detail
        assert _role(score(listed, target)).points == 0
        # below a position held in the role
        assert shown.points < _role(score(extract_text(DATA_SCIENTIST), target)).points


DATA_SCIENTIST_BY_ROLE = """Omar Haddad
Experience
Senior Data Scientist, Larkspur Retail
March 2016 - March 2024
- Worked with marketing on pricing questions and presented the findings.
Education
BSc Economics, Hillcrest University, 2015
"""


def test_a_broader_skill_a_role_proves_gives_related_credit_like_a_listed_one(profile):
    report = score(extract_text(DATA_SCIENTIST_BY_ROLE), profile)
    supervised = _item(report, "supervised-learning")
    assert supervised.reason == "related" and supervised.points > 0
    assert "role as Senior Data Scientist" in supervised.how
    assert supervised.evidence and "Data Scientist" in supervised.evidence[0].line
    # related credit only: the item is still a gap, far below showing the skill itself
    assert supervised.id in {g.id for g in report.gaps}
    shown = score(extract_text(DATA_SCIENTIST), profile)
    assert supervised.credit < _item(shown, "supervised-learning").credit / 2


def test_a_data_scientist_role_shows_statistics_and_model_evaluation_in_part(profile):
    report = score(extract_text(DATA_SCIENTIST_BY_ROLE), profile)
    for item_id in ("statistics", "model-evaluation"):
        item = _item(report, item_id)
        assert item.reason == "role" and 0 < item.credit < 0.9, item_id
        assert "Senior Data Scientist" in item.how


def test_a_project_named_with_an_ml_keyword_is_no_ml_role():
    from service.scoring import role_facts

    ext = extract_text("Experience\nML Platform Lead, Northwind Freight\nMar 2022 - Jun 2023\n"
                       "- Ran the feature store.\n\nProjects\nDeep Learning Experiments\n"
                       "Jan 2019 - Dec 2020\n- Trained small image classifiers at home.\n")
    facts = role_facts(ext, get_taxonomy())
    assert [(s.title, s.family) for s in facts.spells] == [
        ("ML Platform Lead", "machine-learning-engineer")]
    assert facts.ml_years == pytest.approx(1.33, abs=0.01)
