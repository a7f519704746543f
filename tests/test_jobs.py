"""Job descriptions → job profiles: required vs preferred, alternatives, years, degree, citations."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.errors import InputError
from tests.installed import parse_job
from service.models import Profile

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "jobs"

# Six postings written for these tests, each exercising different phrasings.
RANKING = """Senior Machine Learning Engineer - Search Ranking

About us
We are a travel marketplace. Our stack includes Kafka and Snowflake.

What you'll do
- Build data pipelines and deploy ranking models with Docker.
- Run A/B tests on ranking changes.

Requirements
- 5-7 years of professional experience in software or data roles.
- 3+ years of Python and SQL.
- Strong experience with PyTorch or TensorFlow.
- Experience with AWS, GCP, or Azure.
- Bachelor's degree in Computer Science, Statistics or a related quantitative field; MS or PhD preferred.
- Java is not required.

Nice to have
- Apache Spark
- Familiarity with Kubernetes
- Reinforcement learning is a plus.
"""

ANALYST = """DATA ANALYST
REQUIREMENTS:
- At least two years of experience in an analytics role.
- Expert SQL and Tableau.
- Working knowledge of Python or Scala.
- Bachelor's degree required.
BONUS:
- Experience with Airflow.
"""

NO_HEADINGS = """Applied Scientist, Forecasting
We need an applied scientist who must have strong statistics and time series forecasting skills
and at least three years of Python. Experience with Spark would be nice to have, and a PhD in
statistics, economics or a related field is a plus. You do not need experience with Java.
"""

MARKDOWN = """# Computer Vision Engineer

## What you will need
* Minimum of 4 years experience building vision systems.
* Deep knowledge of convolutional neural networks and OpenCV.
* C++ and Python.
* MSc or PhD in computer science, electrical engineering or similar.

## Bonus points
* Experience deploying models on edge devices with TensorFlow.
* Knowledge of Kubernetes.
"""

PLATFORM = """Platform Engineer (ML Infrastructure)

Responsibilities:
- Own the ML infrastructure: model deployment, model monitoring and CI/CD for training code.

Qualifications:
- 6+ years of experience in infrastructure or DevOps.
- Must have Kubernetes and Docker in production.
- Go or Python for tooling.
- Scala is not required.

Preferred qualifications:
- Exposure to Google Cloud or Microsoft Azure.
- Some background in statistics.

Education: B.S. in Computer Science or equivalent experience.
"""

RESEARCH = """Research Engineer, Reinforcement Learning
Who you are
- You have a Master's degree in machine learning, mathematics or physics; a PhD is a plus.
- 2+ years of hands-on experience with reinforcement learning and deep learning.
- Proficient in Python and PyTorch; JAX familiarity preferred.
- Solid grounding in probability, linear algebra and optimization.
Nice-to-have
- Publications at top venues.
- Experience with C++ for simulation code.
"""

POSTINGS = {"ranking": RANKING, "analyst": ANALYST, "no_headings": NO_HEADINGS,
            "markdown": MARKDOWN, "platform": PLATFORM, "research": RESEARCH}


@pytest.fixture(scope="module")
def parsed() -> dict[str, Profile]:
    return {name: parse_job(text) for name, text in POSTINGS.items()}


def items(profile: Profile) -> dict[tuple[str, ...], object]:
    return {tuple(sorted(i.any_of)): i for g in profile.groups for i in g.items}


def importance(profile: Profile, *skills: str) -> str | None:
    item = items(profile).get(tuple(sorted(skills)))
    return item.importance if item else None


def test_title_from_first_line(parsed):
    assert parsed["ranking"].title == "Senior Machine Learning Engineer - Search Ranking"
    assert parsed["markdown"].title == "Computer Vision Engineer"
    assert parsed["ranking"].kind == "job"
    assert parse_job(RANKING, title="Ranking MLE").title == "Ranking MLE"


def test_required_and_preferred_by_section_and_cue(parsed):
    ranking = parsed["ranking"]
    assert importance(ranking, "python") == "required"
    assert importance(ranking, "spark") == "preferred"
    assert importance(ranking, "kubernetes") == "preferred"
    assert importance(ranking, "reinforcement-learning") == "preferred"
    assert importance(parsed["analyst"], "airflow") == "preferred"
    assert importance(parsed["markdown"], "kubernetes") == "preferred"
    assert importance(parsed["markdown"], "opencv") == "required"
    assert importance(parsed["platform"], "kubernetes") == "required"
    assert importance(parsed["no_headings"], "spark") == "preferred"
    assert importance(parsed["no_headings"], "time-series-forecasting") == "required"


def test_alternatives_become_any_of_items(parsed):
    assert importance(parsed["ranking"], "pytorch", "tensorflow") == "required"
    assert importance(parsed["ranking"], "amazon-web-services", "google-cloud",
                      "microsoft-azure") == "required"
    assert importance(parsed["analyst"], "python", "scala") == "required"
    assert importance(parsed["platform"], "google-cloud", "microsoft-azure") == "preferred"


def test_negated_requirements_are_excluded(parsed):
    assert not any("java" in key for key in items(parsed["ranking"]))
    assert not any("java" in key for key in items(parsed["no_headings"]))
    assert not any("scala" in key for key in items(parsed["platform"]))


def test_years_per_skill_and_overall(parsed):
    ranking = parsed["ranking"]
    assert items(ranking)[("python",)].min_years == 3
    assert items(ranking)[("sql",)].min_years == 3
    assert (ranking.experience.min_years, ranking.experience.max_years) == (5, 7)
    assert parsed["analyst"].experience.min_years == 2
    assert items(parsed["no_headings"])[("python",)].min_years == 3
    assert parsed["markdown"].experience.min_years == 4
    assert parsed["platform"].experience.min_years == 6
    research = items(parsed["research"])
    assert research[("reinforcement-learning",)].min_years == 2


def test_degree_levels_and_fields(parsed):
    ranking = parsed["ranking"].education
    assert (ranking.required_level, ranking.preferred_level, ranking.bonus_level) == \
        ("bachelor", "master", "phd")
    assert {"computer-science", "statistics"} <= set(ranking.fields)
    assert ranking.related_fields
    assert parsed["analyst"].education.required_level == "bachelor"
    markdown = parsed["markdown"].education
    assert markdown.required_level == "master"
    assert "electrical-engineering" in markdown.fields
    research = parsed["research"].education
    assert (research.required_level, research.preferred_level) == ("master", "phd")
    assert parsed["platform"].education.required_level == "bachelor"
    no_headings = parsed["no_headings"].education
    assert no_headings.required_level is None and no_headings.preferred_level == "phd"


@pytest.mark.parametrize(("sentence", "level"), [
    ("A graduate degree in Computer Science or a related field.", "master"),  # a form in education.yaml
    ("Master of Engineering (M.Eng) in Electrical Engineering.", "master"),
    ("A degree in Statistics, Mathematics or Physics.", "bachelor"),  # no level named
    ("BS/MS in Computer Science.", "bachelor"),
    ("Doctor of Philosophy in Machine Learning.", "phd"),
])
def test_degree_levels_come_from_the_taxonomy_forms(sentence: str, level: str) -> None:
    posting = ("Machine Learning Engineer\nRequirements\n- 3+ years of Python and PyTorch.\n"
               f"- {sentence}\n")
    assert parse_job(posting).education.required_level == level


def test_a_two_letter_level_form_needs_degree_context() -> None:
    posting = ("Data Analyst\nRequirements\n- Python and SQL.\n- MS Office and Excel.\n"
               "- Reports for the BA team.\n")
    assert parse_job(posting).education.required_level is None


def test_degree_fields_are_not_skills(parsed):
    ranking = items(parsed["ranking"])
    assert ("statistics",) not in ranking


def test_every_item_cites_the_posting(parsed):
    for name, profile in parsed.items():
        for group in profile.groups:
            for item in group.items:
                assert item.why is not None and item.why.start is not None, (name, item.id)
                assert item.why.text and item.next_step


def test_citation_offsets_index_the_normalised_posting():
    from service.documents import normalize

    profile = parse_job(RANKING)
    body = normalize(RANKING)
    for group in profile.groups:
        for item in group.items:
            span = body[item.why.start:item.why.end]
            assert " ".join(span.split()) == item.why.text


def test_required_items_weigh_more_than_preferred(parsed):
    ranking = parsed["ranking"]
    req = [i.weight for g in ranking.groups for i in g.items if i.importance == "required"]
    pref = [i.weight for g in ranking.groups for i in g.items if i.importance == "preferred"]
    assert min(req) > max(pref) * 0.7 and sum(req) / len(req) > sum(pref) / len(pref)


def test_empty_or_skill_free_posting_is_an_input_error():
    with pytest.raises(InputError):
        parse_job("   ")
    with pytest.raises(InputError):
        parse_job("Barista\nMake great coffee and greet customers with a smile.")


SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))


@pytest.mark.skipif(len(SAMPLE_FILES) < 6, reason="sample postings not present")
def test_sample_postings_parse():
    for path in SAMPLE_FILES:
        profile = parse_job(path.read_text(encoding="utf-8"))
        required = [i for g in profile.groups for i in g.items if i.importance == "required"]
        assert len(required) >= 3, path.name
        assert profile.experience.min_years or profile.education.required_level, path.name


def test_sample_posting_details():
    if not (SAMPLES / "backend-engineer.txt").exists():
        pytest.skip("sample postings not present")
    backend = parse_job((SAMPLES / "backend-engineer.txt").read_text(encoding="utf-8"))
    keys = items(backend)
    assert not any("python" in k for k in keys)  # "Python is not required either"
    assert importance(backend, "amazon-web-services") == "preferred"
    assert backend.experience.min_years == 4
    scientist = parse_job((SAMPLES / "data-scientist.txt").read_text(encoding="utf-8"))
    assert not any("deep-learning" in k for k in items(scientist))  # "You do not need deep learning"
    assert not any("sas" in k for k in items(scientist))
    assert (scientist.education.preferred_level, scientist.education.bonus_level) == ("master", "phd")
    mle = parse_job((SAMPLES / "ml-engineer.txt").read_text(encoding="utf-8"))
    assert (mle.experience.min_years, mle.experience.max_years) == (5, 7)
    assert items(mle)[("python",)].min_years == 3
    assert importance(mle, "spark") == "preferred"


def test_degree_fields_are_read_with_the_vocabulary_passed_in(monkeypatch):
    """The posting parser reads majors with the precompiled field patterns it is given (the
    analysis context's vocabulary), not by compiling the taxonomy's patterns per posting."""
    import re

    import service.documents.vocab as vocab
    from service.documents.vocab import Vocabulary
    from tests.installed import context

    text = ("Data Scientist\nRequirements\n- BS in Astronomy or Statistics required.\n"
            "- Python and machine learning.\n")
    own = context().vocabulary
    astronomy = Vocabulary(levels=own.levels, relevant=own.relevant,
                           fields=(("astronomy", re.compile(r"(?i)\bastronomy\b")),))

    def no_rebuild(*_args, **_kwargs):
        raise AssertionError("field patterns compiled per posting")

    monkeypatch.setattr(vocab, "field_patterns", no_rebuild)
    assert parse_job(text, vocabulary=astronomy).education.fields == ["astronomy"]
    assert "statistics" in context().parse_job(text).education.fields
