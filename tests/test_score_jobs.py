"""The same resume ranks differently for different postings, as a recruiter would expect."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.documents import document_from_text
from tests.installed import extract, parse_job, score

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
RESUMES = ["ml-engineer", "backend-developer", "data-scientist"]
JOBS = {"ml-engineer": "ml-engineer", "backend-developer": "backend-engineer",
        "data-scientist": "data-scientist"}

pytestmark = pytest.mark.skipif(
    not all((SAMPLES / "resumes" / f"{r}.txt").exists() for r in RESUMES)
    or not all((SAMPLES / "jobs" / f"{j}.txt").exists() for j in JOBS.values()),
    reason="samples not present")


@pytest.fixture(scope="module")
def scores() -> dict[tuple[str, str], float]:
    jobs = {j: parse_job((SAMPLES / "jobs" / f"{j}.txt").read_text(encoding="utf-8"))
            for j in JOBS.values()}
    out = {}
    for resume in RESUMES:
        text = (SAMPLES / "resumes" / f"{resume}.txt").read_text(encoding="utf-8")
        extraction = extract(document_from_text(text))
        for name, job in jobs.items():
            out[(resume, name)] = score(extraction, job).score
    return out


@pytest.mark.parametrize("resume", RESUMES)
def test_each_resume_fits_its_own_posting_best(scores, resume):
    own = scores[(resume, JOBS[resume])]
    others = [s for (r, j), s in scores.items() if r == resume and j != JOBS[resume]]
    assert own > max(others) + 10


@pytest.mark.parametrize("job", sorted(JOBS.values()))
def test_each_posting_ranks_its_own_kind_of_resume_first(scores, job):
    ranking = sorted(RESUMES, key=lambda r: scores[(r, job)], reverse=True)
    assert JOBS[ranking[0]] == job


def test_job_report_gaps_cite_the_posting():
    job_text = (SAMPLES / "jobs" / "ml-engineer.txt").read_text(encoding="utf-8")
    job = parse_job(job_text)
    text = (SAMPLES / "resumes" / "backend-developer.txt").read_text(encoding="utf-8")
    report = score(extract(document_from_text(text)), job)
    assert report.profile_kind == "job" and report.gaps
    from service.documents import normalize

    body = normalize(job_text)
    for gap in report.gaps[:5]:
        assert gap.why.start is not None
        assert " ".join(body[gap.why.start:gap.why.end].split()) == gap.why.text


def test_profiles_rank_their_own_kind_of_resume_higher():
    from tests.installed import context

    def score_of(resume: str, profile: str) -> float:
        text = (SAMPLES / "resumes" / f"{resume}.txt").read_text(encoding="utf-8")
        return context().analyze(document_from_text(text), profile=profile)[1].score

    assert score_of("ml-engineer", "ml-engineer") > score_of("data-scientist", "ml-engineer")
    assert score_of("data-scientist", "data-scientist") > score_of("ml-engineer", "data-scientist")
    assert score_of("non-technical", "data-scientist") < 15


def test_preferred_degree_not_reached_is_a_preferred_gap_not_a_crash():
    """A posting that only prefers a bachelor's, a resume with an associate degree: the
    education gap says "preferred" (it used to raise KeyError on the missing required level)."""
    job = parse_job("Data Engineer\n\nRequirements:\n- 3+ years of Python and SQL\n"
                    "- Bachelor's degree in Computer Science preferred\n")
    assert job.education.required_level is None and job.education.preferred_level == "bachelor"
    resume = ("Sam Lee\n\nExperience\nData Analyst, Acme (2019 - 2024)\n"
              "- Wrote Python and SQL reports.\n\nEducation\n"
              "Associate of Applied Science in Business, City College, 2018\n")
    extraction = extract(document_from_text(resume))
    assert [e.level for e in extraction.document.education] == ["associate"]
    report = score(extraction, job)
    check = next(r for r in report.requirements if r.id == "education")
    assert check.met is False
    gap = next(g for g in report.gaps if g.id == "education")
    assert gap.importance == "preferred"
    assert gap.label == "Bachelor's degree (preferred)"
    assert "prefers a bachelor's degree" in gap.next_step
    assert check.label not in report.missing_required


def test_one_resume_facts_reused_across_postings_scores_like_a_fresh_score():
    """``score_facts`` on one ``ResumeFacts`` (as the API caches it), against every sample
    posting and built-in profile in one order and then the reverse, gives exactly the report a
    fresh ``score`` gives: the facts' memos hold no profile-dependent answer."""
    from service.scoring import score_facts
    from tests.installed import resume_facts
    from service.taxonomy import get_profile, profile_paths

    targets = [parse_job(p.read_text(encoding="utf-8"))
               for p in sorted((SAMPLES / "jobs").glob("*.txt"))]
    targets += [get_profile(name) for name in profile_paths()]
    for resume in RESUMES:
        text = (SAMPLES / "resumes" / f"{resume}.txt").read_text(encoding="utf-8")
        extraction = extract(document_from_text(text))
        expected = [score(extraction, t).model_dump() for t in targets]
        facts = resume_facts(extraction)
        forward = [score_facts(facts, t).model_dump() for t in targets]
        backward = [score_facts(facts, t).model_dump() for t in reversed(targets)][::-1]
        assert forward == expected and backward == expected
        assert facts.credit_cache and facts.closest_cache  # the memos were used
