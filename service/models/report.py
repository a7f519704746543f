"""The ``MatchReport``: a score that explains itself, and the gaps ranked by what they would add.

Documented field by field in ``docs/report.md``; the API, the page and the batch reports consume it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from .extraction import Evidence, Versions
from .profile import Citation, Importance, SalaryBand


class ItemScore(BaseModel):
    """How one profile item was met: by which skill, how strongly, on what evidence."""

    id: str
    label: str
    importance: Importance
    weight: float
    credit: float = Field(ge=0, le=1, description="Fraction of the item's weight earned")
    points: float = Field(ge=0, description="Points this item adds to the total score")
    matched_skill: str | None = Field(None, description="Skill id that earned the credit")
    esco: str | None = Field(None, description="ESCO skill URI of ``matched_skill``, if any")
    how: str = Field("", description="Why this credit: explicit, implied by X, skills list only…")
    reason: str = Field("none", description="The credit's kind: used, listed, mentioned, implied, "
                        "partial, role, research, degree, related or none")
    evidence: list[Evidence] = Field(default_factory=list)


class GroupScore(BaseModel):
    id: str
    name: str
    weight: float = Field(description="The group's share of 100 points")
    earned: float = Field(description="Points earned in the group; groups add up to the score")
    items: list[ItemScore] = Field(default_factory=list)


class Gap(BaseModel):
    """Something the profile asks for that the resume does not show (or shows only weakly)."""

    id: str
    label: str
    importance: Importance
    gain: float = Field(ge=0, description="Points the score would gain if it were fully met")
    why: Citation | None = None
    closest: str | None = Field(None, description="What the resume already has that is nearest")
    closest_skill: str | None = Field(None, description="Skill id of ``closest``")
    esco: str | None = Field(
        None, description="ESCO skill URI of the (first) skill the item asks for, if any"
    )
    next_step: str
    partial: bool = Field(False, description="Met in part (weak evidence, implied or related)")


class RequirementCheck(BaseModel):
    """A requirement that is not a skill: education, years of experience, the role family."""

    id: Literal["education", "experience", "role"]
    label: str
    met: bool | None = Field(description="None when the resume does not say")
    detail: str
    points: float = Field(0.0, ge=0)
    weight: float = Field(0.0, ge=0)


class ExperienceSummary(BaseModel):
    total_years: float | None = None
    years_by_skill: dict[str, float] = Field(default_factory=dict)


class MatchReport(BaseModel):
    """A resume scored against a profile or a job description."""

    score: float = Field(ge=0, le=100, description="Total, 0–100, one decimal")
    band: Literal["strong", "partial", "weak"] | None = Field(
        None, description="Strong, partial or weak fit: thresholds set from labelled resumes "
        "(None only in a report stored by a version before bands)")
    band_meaning: str = Field("", description="What the band means, in one sentence")
    profile: str = Field(description="Profile name, or the job title for a posting")
    profile_kind: Literal["profile", "job"]
    breakdown: list[GroupScore]
    requirements: list[RequirementCheck] = Field(default_factory=list)
    missing_required: list[str] = Field(
        default_factory=list, description="Labels of required items not met, even if the score is high"
    )
    matched: list[ItemScore] = Field(default_factory=list)
    gaps: list[Gap] = Field(default_factory=list)
    experience: ExperienceSummary = Field(default_factory=ExperienceSummary)
    salary_band: SalaryBand | None = None
    warnings: list[str] = Field(default_factory=list)
    warning_codes: list[Literal["ocr_used"]] = Field(
        default_factory=list, description="Stable codes of some warnings: ocr_used (pages "
        "read by OCR: check the result)")
    used: list[str] = Field(
        default_factory=list, description="What the score read: skills, experience, education"
    )
    versions: Versions
