"""Profiles: what a role asks for, from a YAML file (``ml-engineer``) or a parsed job posting."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Importance = Literal["required", "preferred"]
DegreeLevel = Literal["bachelor", "master", "phd"]


class Citation(BaseModel):
    """The words of the profile or the posting that justify an item."""

    text: str
    start: int | None = Field(None, description="Offset in the job text, when from a posting")
    end: int | None = None


class ProfileItem(BaseModel):
    """One thing the role asks for: a skill, or any one of several skills."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="Stable id within the profile")
    label: str = Field(description="What to call it in a report")
    any_of: list[str] = Field(min_length=1, description="Taxonomy skill ids; one satisfies it")
    partial_from: list[str] = Field(
        default_factory=list,
        description="Skill ids that show part of it (Airflow for data pipelines): partial credit",
    )
    roles: list[str] = Field(
        default_factory=list,
        description="Role family ids (taxonomy/titles.yaml) whose positions show part of it (a "
        "software-engineer role for software engineering): partial credit",
    )
    importance: Importance = "required"
    weight: float = Field(1.0, gt=0)
    min_years: float | None = Field(None, ge=0)
    why: Citation | None = None
    next_step: str | None = Field(None, description="Concrete advice when it is missing")
    category: str | None = Field(None, description="Taxonomy category, for job-posting items")


class ProfileGroup(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    name: str
    weight: float = Field(gt=0, description="Share of the 100 points, normalised over groups")
    items: list[ProfileItem] = Field(min_length=1)


class EducationRequirement(BaseModel):
    model_config = ConfigDict(extra="forbid")

    required_level: DegreeLevel | None = None
    preferred_level: DegreeLevel | None = None
    bonus_level: DegreeLevel | None = None
    fields: list[str] = Field(default_factory=list, description="Relevant field ids")
    related_fields: list[str] = Field(
        default_factory=list, description="Field ids that count partly (e.g. business, engineering)"
    )
    weight: float = Field(0.0, ge=0)
    why: Citation | None = None


class ExperienceRequirement(BaseModel):
    model_config = ConfigDict(extra="forbid")

    min_years: float | None = Field(None, ge=0)
    max_years: float | None = Field(None, ge=0)
    weight: float = Field(0.0, ge=0)
    why: Citation | None = None


class RoleRequirement(BaseModel):
    """The role family a profile or posting is for (``taxonomy/titles.yaml``): positions in it,
    or in a near family, earn the weight."""

    model_config = ConfigDict(extra="forbid")

    family: str | None = Field(None, description="Role family id, e.g. machine-learning-engineer")
    weight: float = Field(0.0, ge=0)
    why: Citation | None = None


class SalaryBand(BaseModel):
    """A salary figure for an experience band: ``min_years <= years < max_years`` (open above when
    ``max_years`` is None). Shown, never scored."""

    model_config = ConfigDict(extra="forbid")

    label: str
    min_years: float = Field(ge=0)
    max_years: float | None = None
    annual_usd: int
    source: str


class Profile(BaseModel):
    """A role's requirements in one shape, whether from YAML or a parsed job description."""

    model_config = ConfigDict(extra="forbid")

    name: str
    title: str
    kind: Literal["profile", "job"] = "profile"
    version: str = "1"
    description: str = ""
    source: str = Field("", description="Where the requirements come from (guide, posting)")
    groups: list[ProfileGroup] = Field(min_length=1)
    education: EducationRequirement = Field(default_factory=EducationRequirement)
    experience: ExperienceRequirement = Field(default_factory=ExperienceRequirement)
    role: RoleRequirement = Field(default_factory=RoleRequirement)
    salary_bands: list[SalaryBand] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _stored_job(cls, data: object) -> object:
        """A parsed posting stored before role families replaced job-title lists (items'
        ``titles``, ``experience.relevant_titles``) still loads: those lists are dropped, as the
        posting parser no longer writes them. A profile file with them stays an error."""
        if isinstance(data, dict) and data.get("kind") == "job":
            data = dict(data)
            if isinstance(data.get("experience"), dict):
                data["experience"] = {k: v for k, v in data["experience"].items()
                                      if k != "relevant_titles"}
            if isinstance(data.get("groups"), list):
                data["groups"] = [
                    {**g, "items": [{k: v for k, v in i.items() if k != "titles"}
                                    if isinstance(i, dict) else i for i in g["items"]]}
                    if isinstance(g, dict) and isinstance(g.get("items"), list) else g
                    for g in data["groups"]]
        return data
