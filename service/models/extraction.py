"""Skill hits with evidence: what the extractor produces."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from .document import Document

Requirement = Literal["required", "preferred"]


class Evidence(BaseModel):
    """One mention of a skill: a span of ``Extraction.text``."""

    text: str = Field(description="The matched text, equal to text[start:end]")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    line: str = Field("", description="The whole line the mention sits on, for display")
    section: str | None = None
    page: int | None = None
    negated: bool = False
    method: Literal["exact", "fuzzy", "context"] = "exact"
    source: Literal["text", "ocr"] = Field(
        "text", description="Where the text came from: the file's own text, or OCR of a page "
        "image (check it)")
    kind: Literal["mention", "degree", "course"] = Field(
        "mention", description="Where the skill is named: running text or a list (mention), "
        "the field of a degree or major (degree), or a course title (course)"
    )
    requirement: Requirement | None = Field(
        None, description="In a job posting: whether the sentence asks for it or prefers it"
    )
    pointer: str | None = Field(
        None, description="JSON pointer of the value the mention came from (JSON Resume input "
        "only, e.g. /skills/1/keywords/0); None for other formats"
    )


class SkillHit(BaseModel):
    """A skill found in a document, mentioned explicitly or implied by another one."""

    id: str
    name: str
    esco: str | None = Field(None, description="ESCO skill URI; None where ESCO has no concept")
    category: str
    explicit: bool
    implied_by: list[str] = Field(default_factory=list, description="Skill ids that imply it")
    evidence: list[Evidence] = Field(default_factory=list)
    confidence: float = Field(ge=0, le=1)
    years: float | None = Field(None, description="Years of use from the positions mentioning it")
    last_used: int | None = Field(None, description="Latest year of a position mentioning it")


class Versions(BaseModel):
    skillmatch: str
    taxonomy: str
    profile: str | None = None


class Extraction(BaseModel):
    """Everything found in one document."""

    text: str = Field(description="The normalised text that evidence offsets index")
    skills: list[SkillHit] = Field(default_factory=list)
    not_claimed: list[SkillHit] = Field(
        default_factory=list, description="Skills mentioned only negatively or hypothetically"
    )
    document: Document
    versions: Versions

    def skill(self, skill_id: str) -> SkillHit | None:
        """The hit for ``skill_id``, if found."""
        return next((s for s in self.skills if s.id == skill_id), None)
