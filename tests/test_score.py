"""Scoring against the ML-engineer profile on hand-built extractions with known outcomes."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.models import Evidence
from service.evaluation_metrics import auc
from service.scoring import salary_band
from tests.installed import score
from service.taxonomy import get_profile
from tests.score_fixtures import explicit_hits, extraction, hit

STRONG = [
    "python", "pytorch", "scikit-learn", "amazon-web-services", "amazon-sagemaker",
    "supervised-learning", "unsupervised-learning", "deep-learning", "reinforcement-learning",
    "neural-networks", "statistics", "probability", "data-modeling", "model-evaluation",
    "linear-algebra", "data-pipelines", "ml-infrastructure", "random-forest", "clustering",
    "hyperparameter-tuning", "feature-engineering", "experiment-design", "statistical-analysis",
    "model-monitoring", "code-review", "data-visualization", "written-communication",
    "oral-communication", "collaboration", "business-acumen", "sql", "java", "logistic-regression",
    "principal-component-analysis", "data-analysis", "software-engineering", "machine-learning",
]
BACKEND = ["java", "python", "sql", "docker", "amazon-web-services", "git", "unit-testing",
           "code-review", "ci-cd", "kubernetes", "collaboration"]


@pytest.fixture(scope="module")
def profile():
    return get_profile("ml-engineer")


def strong_resume():
    return extraction(explicit_hits(STRONG), total_years=6,
                      titles=("Software Engineer", "Machine Learning Engineer"),
                      degrees=(("master", "computer-science"),))


def test_strong_ml_engineer_scores_high(profile):
    report = score(strong_resume(), profile)
    assert report.score >= 85
    assert report.missing_required == []
    assert report.salary_band is not None and report.salary_band.annual_usd == 138000


def test_backend_developer_without_ml_scores_low_with_ml_gaps(profile):
    """ML methods, statistics and years in an ML role weigh most: a backend developer with no ML
    skill is a weak fit whose first gaps are the ML items."""
    report = score(extraction(explicit_hits(BACKEND), total_years=5, titles=("Backend Developer",),
                              degrees=(("bachelor", "computer-science"),)), profile)
    assert 10 <= report.score <= 35 and report.band == "weak"
    top = [g.id for g in report.gaps[:6]]
    assert "ml-libraries" in top
    assert {"Deep learning", "Supervised learning"} <= set(report.missing_required)
    algorithms = next(g for g in report.breakdown if g.id == "algorithms")
    assert algorithms.earned == 0


def test_non_technical_resume_scores_low(profile):
    hits = explicit_hits(["leadership", "oral-communication"])
    report = score(extraction(hits, total_years=10, titles=("Store Manager",),
                              degrees=(("bachelor", "business"),)), profile)
    assert report.score < 15
    assert report.gaps[0].importance == "required"


def test_parts_add_up_to_the_score(profile):
    report = score(strong_resume(), profile)
    parts = sum(g.earned for g in report.breakdown) + sum(r.points for r in report.requirements)
    assert abs(parts - report.score) <= 0.1
    assert abs(sum(g.weight for g in report.breakdown) + sum(r.weight for r in report.requirements)
               - 100) < 0.01


def test_implied_skill_earns_partial_credit(profile):
    only_forest = extraction([hit("random-forest"),
                              hit("ensemble-methods", explicit=False, implied_by=("random-forest",)),
                              hit("decision-trees", explicit=False, implied_by=("random-forest",))])
    named = extraction([hit("random-forest"), hit("ensemble-methods"), hit("decision-trees")])
    implied_item = _item(score(only_forest, profile), "ensemble-methods")
    explicit_item = _item(score(named, profile), "ensemble-methods")
    assert 0 < implied_item.credit < explicit_item.credit
    assert "implied by random forest" in implied_item.how.lower()


def test_skills_list_only_counts_less_than_use_in_experience(profile):
    listed = score(extraction([hit("pytorch", "skills")]), profile)
    used = score(extraction([hit("pytorch", "experience")]), profile)
    assert _item(listed, "ml-libraries").credit < _item(used, "ml-libraries").credit
    gap = next(g for g in listed.gaps if g.id == "ml-libraries")
    assert gap.partial and "experience or project bullet" in gap.next_step


def test_stale_skill_counts_less(profile):
    recent = extraction([hit("pytorch", last_used=2023)], titles=("ML Engineer",) * 8)
    stale = extraction([hit("pytorch", last_used=2012)], titles=("ML Engineer",) * 8)
    assert _item(score(stale, profile), "ml-libraries").credit < \
        _item(score(recent, profile), "ml-libraries").credit


def test_gap_names_the_closest_skill_the_resume_has(profile):
    report = score(extraction([hit("amazon-web-services"), hit("python")]), profile)
    gap = next(g for g in report.gaps if g.id == "managed-ml-service")
    assert gap.closest_skill == "amazon-web-services"
    assert "You have Amazon Web Services" in gap.closest


def test_gaps_ranked_by_gain_and_cite_why(profile):
    report = score(extraction(explicit_hits(BACKEND)), profile)
    gains = [g.gain for g in report.gaps]
    assert gains == sorted(gains, reverse=True)
    assert all(g.why and g.why.text and g.next_step for g in report.gaps)


def test_required_missing_flagged_even_when_score_high(profile):
    hits = explicit_hits([s for s in STRONG if s not in {"data-pipelines"}])
    report = score(extraction(hits, total_years=6, titles=("Data Scientist",),
                              degrees=(("phd", "statistics"),)), profile)
    assert report.score >= 80
    assert report.missing_required == ["Data pipelines"]


def test_education_and_experience_checks(profile):
    report = score(extraction([hit("python")], total_years=1, titles=("Intern",),
                              degrees=(("phd", "physics"),)), profile)
    checks = {c.id: c for c in report.requirements}
    assert checks["education"].met is True and checks["education"].points == checks["education"].weight
    assert checks["experience"].met is False
    assert "2+ years of professional experience" in report.missing_required  # as its gap says
    unknown = score(extraction([hit("python")]), profile)
    assert {c.id: c.met for c in unknown.requirements} == {
        "education": None, "experience": None, "role": False}


def test_report_records_versions_and_what_was_read(profile):
    report = score(strong_resume(), profile)
    assert report.versions.profile == "ml-engineer@1"
    assert report.versions.taxonomy and report.versions.skillmatch
    assert any("not read" in u and "name" in u for u in report.used)


def test_report_json_round_trips(profile):
    from service.models import MatchReport

    report = score(strong_resume(), profile)
    assert MatchReport.model_validate_json(report.model_dump_json()) == report


def test_warns_when_not_english_or_not_a_resume(profile):
    german = ("Ich habe mit der Firma und mit dem Team an der Entwicklung von Software gearbeitet "
              "und die Daten für das Projekt mit einer Pipeline verarbeitet, die nicht einfach war.")
    report = score(extraction(explicit_hits(["python", "sql", "java"]), text=german), profile)
    assert any("English" in w for w in report.warnings)
    chinese = "在一家金融公司担任机器学习工程师，使用 Python 和 PyTorch 开发欺诈检测模型，并部署到云上。负责数据管道。"
    report = score(extraction(explicit_hits(["python", "pytorch", "sql"]), text=chinese), profile)
    assert any("English" in w for w in report.warnings)
    shopping = extraction([hit("python")], text="Milk, eggs, bread and a new python book.",
                          sections=())
    assert any("resume" in w for w in score(shopping, profile).warnings)
    assert not score(strong_resume(), profile).warnings


def test_salary_band_from_years(profile):
    bands = profile.salary_bands
    assert salary_band(bands, 0.5).annual_usd == 93000
    assert salary_band(bands, 7).annual_usd == 138000
    assert salary_band(bands, 25).annual_usd == 162000
    assert salary_band(bands, 3).annual_usd == 112806
    assert salary_band(bands, None) is None


def test_auc():
    assert auc([3, 4], [1, 2]) == 1.0
    assert auc([1], [1]) == 0.5
    assert auc([1, 3], [2]) == 0.5
    with pytest.raises(ValueError):
        auc([], [1])


def _item(report, item_id):
    return next(i for g in report.breakdown for i in g.items if i.id == item_id)


# --- properties -------------------------------------------------------------------------------

SKILLS = sorted({*STRONG, *BACKEND, "keras", "tensorflow", "r", "scala", "google-cloud"})
SECTIONS = st.sampled_from(["experience", "skills", "projects", "summary", None])
hits_strategy = st.lists(
    st.tuples(st.sampled_from(SKILLS), SECTIONS, st.floats(0.3, 1.0),
              st.one_of(st.none(), st.floats(0, 12)), st.one_of(st.none(), st.integers(2005, 2019))),
    max_size=20, unique_by=lambda t: t[0],
)
PROPS = settings(max_examples=40, deadline=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture])


def _build(spec, years=None):
    hits = [hit(s, sec, confidence=c, years=y, last_used=last) for s, sec, c, y, last in spec]
    return extraction(hits, total_years=years, titles=("Engineer", "Developer", "Data Scientist"))


@PROPS
@given(hits_strategy, st.one_of(st.none(), st.floats(0, 30)))
def test_score_is_bounded_deterministic_and_adds_up(profile, spec, years):
    ext = _build(spec, years)
    report = score(ext, profile)
    assert 0 <= report.score <= 100
    assert score(ext, profile) == report
    parts = sum(g.earned for g in report.breakdown) + sum(r.points for r in report.requirements)
    assert abs(parts - report.score) <= 0.1


@PROPS
@given(hits_strategy, st.sampled_from(SKILLS), SECTIONS)
def test_adding_evidence_never_lowers_and_removing_never_raises(profile, spec, skill, section):
    base = _build(spec)
    before = score(base, profile).score
    more = base.model_copy(deep=True)
    existing = more.skill(skill)
    if existing is None:
        more.skills.append(hit(skill, section))
    else:
        existing.evidence.append(Evidence(text=skill, start=0, end=1, section=section))
    assert score(more, profile).score >= before
    fewer = base.model_copy(deep=True)
    fewer.skills = [h for h in fewer.skills if h.id != skill]
    assert score(fewer, profile).score <= before


def test_a_weak_claim_implying_a_skill_never_earns_less_than_no_claim(profile):
    """A bare, unsure "random forest" implies ensemble methods; without it, a strong related
    claim (logistic regression used at work) gives ensemble methods its related credit. The
    implied credit must not be the lower of the two (hypothesis found the case)."""
    spec = [("amazon-sagemaker", "experience", 0.375, None, None),
            ("amazon-web-services", "experience", 0.5, None, None),
            ("ci-cd", "experience", 1.0, None, None),
            ("logistic-regression", "experience", 1.0, None, None),
            ("random-forest", None, 0.5, None, None)]
    with_it = score(_build(spec), profile)
    without = score(_build(spec[:-1]), profile)
    assert with_it.score >= without.score
    # the implication stands, worth the related credit: matched, with its own evidence
    item = next(i for g in with_it.breakdown for i in g.items if i.label == "Decision trees")
    assert item.matched_skill == "decision-trees" and item.how == "implied by random forest"
    assert item.credit >= 0.25  # (what "related: has logistic regression" alone would give)


JOB = """Machine Learning Engineer
Requirements
- 3+ years of Python and SQL.
- Strong experience with PyTorch or TensorFlow.
- Experience with AWS, GCP, or Azure.
- 5+ years of professional experience; a Bachelor's degree in Computer Science.
Nice to have
- Familiarity with Kubernetes and Docker.
"""


@pytest.fixture(scope="module")
def job_profile():
    from tests.installed import parse_job

    return parse_job(JOB)


@PROPS
@given(hits_strategy, st.sampled_from(SKILLS), SECTIONS)
def test_job_scores_are_monotone_too(job_profile, spec, skill, section):
    base = _build(spec, years=4)
    report = score(base, job_profile)
    assert 0 <= report.score <= 100
    more = base.model_copy(deep=True)
    if more.skill(skill) is None:
        more.skills.append(hit(skill, section))
    else:
        more.skill(skill).evidence.append(Evidence(text=skill, start=0, end=1, section=section))
    assert score(more, job_profile).score >= report.score
    fewer = base.model_copy(deep=True)
    fewer.skills = [h for h in fewer.skills if h.id != skill]
    assert score(fewer, job_profile).score <= report.score


def test_degree_and_years_shortfalls_are_gaps_with_next_steps(profile):
    report = score(extraction([hit("python")], total_years=1, degrees=(("bachelor", "physics"),)),
                   profile)
    gaps = {g.id: g for g in report.gaps}
    assert "master's degree" in gaps["education"].next_step
    assert gaps["experience"].gain > 0 and "2+" in report.missing_required[-1]
    unknown = {g.id: g for g in score(extraction([hit("python")]), profile).gaps}
    assert "Education section" in unknown["education"].next_step
    assert "dates" in unknown["experience"].next_step
    full = {g.id for g in strong_phd().gaps}
    assert "education" not in full
    assert sum(g.gain for g in report.gaps) <= 100 - report.score + 0.1


def strong_phd():
    return score(extraction(explicit_hits(STRONG), total_years=6, titles=("Data Scientist",),
                            degrees=(("phd", "computer-science"),)), get_profile("ml-engineer"))
