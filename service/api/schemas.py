"""Request and response models of the API (``…Create`` in, ``…Public`` out)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Generic, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from ..models import Extraction, Gap, MatchReport, Profile

T = TypeVar("T")


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty or only whitespace")
    return value


NonBlank = Annotated[str, AfterValidator(_not_blank), Field(json_schema_extra={"pattern": r"\S"})]
"""Text that must hold something besides whitespace (kept as sent: offsets refer to it); the
schema says so with a pattern."""


class Page(BaseModel, Generic[T]):
    """One page of a list."""

    items: list[T]
    total: int = Field(description="Items in the whole list")
    limit: int
    offset: int


class AnalyzeResult(BaseModel):
    """What ``POST /v1/analyze`` answers: the skills found and the score."""

    extraction: Extraction
    report: MatchReport


class JobCreate(BaseModel):
    """A job to store: its title and the posting's text."""

    model_config = ConfigDict(extra="forbid")

    title: NonBlank = Field(min_length=1, max_length=200, description="The job title")
    description: NonBlank = Field(min_length=1, description="The posting's text")


class JobSummary(BaseModel):
    id: str
    title: str
    created_at: datetime


class JobPublic(JobSummary):
    description: str
    profile: Profile = Field(description="The requirements parsed from the description")


class ResumeSummary(BaseModel):
    id: str
    label: str | None = Field(description="The recruiter's name or id for the candidate")
    source_format: str
    size_bytes: int
    created_at: datetime
    expires_at: datetime | None = Field(description="When retention deletes it (None: never)")


class ResumePublic(ResumeSummary):
    extraction: Extraction


_ONE_OF_EACH = {
    "allOf": [
        {"oneOf": [{"required": ["resume_id"]}, {"required": ["resume_text"]}]},
        {
            "not": {
                "anyOf": [
                    {"required": ["job_id", "job_text"]},
                    {"required": ["job_id", "profile"]},
                    {"required": ["job_text", "profile"]},
                ]
            }
        },
    ]
}
ID_PATTERN = r"^[a-z]{3}_[0-9a-f]{16}$"


class MatchRequest(BaseModel):
    """Exactly one resume source, and at most one of job_id / job_text / profile.

    Absent fields default to None but an explicit ``null`` is refused, as the schema says.
    """

    model_config = ConfigDict(extra="forbid", json_schema_extra=_ONE_OF_EACH)

    resume_id: str = Field(None, pattern=ID_PATTERN, description="A stored resume")  # type: ignore[assignment]
    resume_text: NonBlank = Field(None, min_length=1, description="Resume text, pasted")  # type: ignore[assignment]
    job_id: str = Field(None, pattern=ID_PATTERN, description="A stored job")  # type: ignore[assignment]
    job_text: NonBlank = Field(None, min_length=1, description="A job description, pasted")  # type: ignore[assignment]
    profile: str = Field(  # type: ignore[assignment]
        None, pattern=r"^[a-z0-9][a-z0-9-]{0,63}$", description="Profile name; default ml-engineer"
    )

    @model_validator(mode="after")
    def _one_source_each(self) -> MatchRequest:
        if self.resume_id is None and self.resume_text is None:
            raise ValueError("The body names no resume: send resume_id (a stored resume) or "
                             "resume_text (the resume as text), and optionally one of job_id, "
                             "job_text or profile.")
        if self.resume_id is not None and self.resume_text is not None:
            raise ValueError("The body sends both resume_id and resume_text: send only one of "
                             "them.")
        targets = [name for name in ("job_id", "job_text", "profile")
                   if getattr(self, name) is not None]
        if len(targets) > 1:
            raise ValueError(f"The body sends {' and '.join(targets)}: send at most one of "
                             "job_id, job_text or profile (none: the ml-engineer profile).")
        return self


class RankedResume(BaseModel):
    resume_id: str
    label: str | None
    score: float
    band: str | None = Field(None, description="Strong, partial or weak fit (see the report)")
    missing_required: list[str]
    top_gaps: list[Gap] = Field(description="The three gaps that would add the most points")


class Ranking(Page[RankedResume]):
    job_id: str


class SkillSummary(BaseModel):
    id: str
    name: str
    esco: str | None = Field(None, description="ESCO skill URI; null where ESCO has no concept")
    category: str


class TaxonomyPublic(BaseModel):
    version: str
    count: int
    skills: list[SkillSummary]


class ProfileSummary(BaseModel):
    name: str
    title: str
    kind: Literal["profile", "job"]
    description: str


class Health(BaseModel):
    status: Literal["ok", "ready"]
