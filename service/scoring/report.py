"""Score a resume against a profile or a posting: a ``MatchReport`` that explains itself.

Pure and deterministic: the inputs are an ``Extraction``, a ``Profile`` and the taxonomy. Only
skills, roles, experience and education count. The profile's groups and its education,
experience and role weights are normalised to 100 points; within a group the items' weights
share the group's points, and each item earns a fraction of its points (its credit, see
``credit``). The parts add up to the total before rounding; the band says what it means.
"""

from __future__ import annotations

from .. import __version__
from ..models import (
    ExperienceSummary,
    Extraction,
    Gap,
    GroupScore,
    ItemScore,
    MatchReport,
    Profile,
    Versions,
)
from ..taxonomy import Taxonomy
from .advice import gap, requirement_gap
from .bands import BAND_MEANING, band_of
from .credit import GAP_BELOW, esco_of, item_credit
from .facts import ResumeFacts, resume_facts
from .requirements import education_check, experience_check, role_check, salary_band

USED = [
    "skills: the skills found, how they were found (explicit, implied) and where (section)",
    "experience: years of professional experience, job titles and the role families they name",
    "education: degree level and field",
    "research: papers at machine-learning venues, an ML thesis or PhD",
    "not read: name, contact details, age, gender, photo, address, nationality",
]


def score(
    extraction: Extraction, profile: Profile, *, taxonomy: Taxonomy,
) -> MatchReport:
    """Score ``extraction`` against ``profile``; the parts add up to ``score`` before rounding."""
    return score_facts(resume_facts(extraction, taxonomy), profile)


def score_facts(resume: ResumeFacts, profile: Profile) -> MatchReport:
    """``score`` with the resume already indexed by ``resume_facts`` (same report)."""
    extraction, tax = resume.extraction, resume.tax
    total_weight = (
        sum(g.weight for g in profile.groups) + profile.education.weight
        + profile.experience.weight + profile.role.weight
    )

    breakdown: list[GroupScore] = []
    gaps: list[Gap] = []
    matched: list[ItemScore] = []
    missing: list[str] = []
    total = 0.0
    for group in profile.groups:
        share = 100.0 * group.weight / total_weight
        item_total = sum(item.weight for item in group.items)
        earned = 0.0
        items: list[ItemScore] = []
        for item in group.items:
            item_share = share * item.weight / item_total
            credit = item_credit(item, resume)
            points = item_share * credit.value
            earned += points
            scored = ItemScore(
                id=item.id, label=item.label, importance=item.importance, weight=item.weight,
                credit=round(credit.value, 3), points=round(points, 3), matched_skill=credit.skill,
                how=credit.how, reason=credit.reason.value, evidence=list(credit.evidence),
                esco=esco_of(credit.skill, tax),
            )
            items.append(scored)
            if credit.matched:
                matched.append(scored)
            elif item.importance == "required":
                missing.append(item.label)
            if credit.value < GAP_BELOW:
                gaps.append(gap(item, credit, item_share, resume))
        total += earned
        breakdown.append(GroupScore(
            id=group.id, name=group.name, weight=round(share, 3), earned=round(earned, 3),
            items=items,
        ))

    requirements = []
    unmet = []
    total_years = resume.total_years
    if profile.role.weight > 0:
        check = role_check(resume, profile, total_weight)
        requirements.append(check)
        total += check.points
    if profile.education.weight > 0 or profile.education.required_level:
        check = education_check(resume, profile, total_weight)
        requirements.append(check)
        total += check.points
        if check.met is not True and profile.education.required_level:
            unmet.append(check)
    if profile.experience.weight > 0 or profile.experience.min_years:
        check = experience_check(resume, profile, total_weight)
        requirements.append(check)
        total += check.points
        if check.met is False:
            unmet.append(check)
    for check in requirements:
        if check.weight - check.points > 0.05:
            gaps.append(requirement_gap(check, profile, resume))
        check.points = round(check.points, 3)
    # a requirement not met is named as its gap names it, so the two lists speak alike
    gap_label = {g.id: g.label for g in gaps if g.id in {"education", "experience"}}
    missing += [gap_label.get(check.id, check.label) for check in unmet]

    gaps.sort(key=lambda g: (-g.gain, g.importance != "required", g.id))
    matched.sort(key=lambda m: (-m.points, m.id))
    final = round(min(100.0, max(0.0, total)), 1)
    band = band_of(final, profile.kind)
    return MatchReport(
        score=final, band=band, band_meaning=BAND_MEANING[band],
        profile=profile.name if profile.kind == "profile" else profile.title,
        profile_kind=profile.kind,
        breakdown=breakdown,
        requirements=requirements,
        missing_required=missing,
        matched=matched,
        gaps=gaps,
        experience=ExperienceSummary(
            total_years=total_years,
            years_by_skill={h.id: h.years for h in extraction.skills if h.years is not None},
        ),
        salary_band=salary_band(profile.salary_bands, total_years),
        warnings=[*resume.warnings, *profile.warnings],
        warning_codes=["ocr_used"] if extraction.document.ocr_pages else [],
        used=list(USED),
        versions=Versions(
            skillmatch=__version__, taxonomy=extraction.versions.taxonomy or tax.version,
            profile=f"{profile.name}@{profile.version}",
        ),
    )
