"""Pydantic models for everything that crosses a module or process boundary."""

from .document import Block, Document, DocumentKind, EducationEntry, Position, Section
from .extraction import Evidence, Extraction, SkillHit, Versions
from .profile import (
    Citation,
    EducationRequirement,
    ExperienceRequirement,
    Profile,
    ProfileGroup,
    ProfileItem,
    RoleRequirement,
    SalaryBand,
)
from .report import (
    ExperienceSummary,
    Gap,
    GroupScore,
    ItemScore,
    MatchReport,
    RequirementCheck,
)

__all__ = [
    "Block",
    "Citation",
    "Document",
    "DocumentKind",
    "EducationEntry",
    "EducationRequirement",
    "Evidence",
    "ExperienceRequirement",
    "ExperienceSummary",
    "Extraction",
    "Gap",
    "GroupScore",
    "ItemScore",
    "MatchReport",
    "Position",
    "Profile",
    "ProfileGroup",
    "ProfileItem",
    "RoleRequirement",
    "RequirementCheck",
    "SalaryBand",
    "Section",
    "SkillHit",
    "Versions",
]
