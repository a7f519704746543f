"""Load and validate the skills taxonomy and the profiles.

Data lives in ``taxonomy/`` (YAML). Errors name the file, the entry and the field.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import TaxonomyError

if TYPE_CHECKING:
    from .models.profile import Profile

Category = Literal[
    "language", "platform", "tool", "ml-library", "algorithm", "approach", "statistics",
    "mathematics", "engineering", "soft",
]
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class ContextRule(BaseModel):
    """When an ambiguous surface form counts: regexes tried on the text around the mention."""

    model_config = ConfigDict(extra="forbid")

    confirm: list[str] = Field(default_factory=list, description="Any match nearby confirms")
    reject: list[str] = Field(default_factory=list, description="Any match nearby rejects")
    window: int = Field(40, ge=0, le=400, description="Characters either side to look at")

    @field_validator("confirm", "reject")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"bad regex {pattern!r}: {exc}") from None
        return patterns


class Skill(BaseModel):
    """One skill: canonical name, category, the forms that name it and what it implies."""

    model_config = ConfigDict(extra="forbid")

    id: str
    name: str
    category: Category
    source: Literal["guide", "ext"] = "ext"
    aliases: list[str] = Field(default_factory=list)
    implies: list[str] = Field(default_factory=list, description="Skill ids this one implies")
    ambiguous: bool = Field(False, description="Bare forms need technical context")
    unambiguous_aliases: list[str] = Field(
        default_factory=list, description="Forms of an ambiguous skill that need no context"
    )
    context: ContextRule | None = None
    fuzzy: bool = Field(True, description="Allow misspelling matches (never for short forms)")
    description: str = ""

    @field_validator("id")
    @classmethod
    def _id_is_url_safe(cls, value: str) -> str:
        if not ID_RE.match(value):
            raise ValueError(f"id {value!r} must be lowercase letters, digits and hyphens")
        return value

    @property
    def forms(self) -> list[str]:
        """Every surface form: the canonical name, aliases and unambiguous aliases."""
        return [self.name, *self.aliases, *self.unambiguous_aliases]


class Taxonomy(BaseModel):
    """All skills, by id, with the taxonomy version."""

    version: str
    skills: dict[str, Skill]

    def get(self, skill_id: str) -> Skill:
        return self.skills[skill_id]


def default_taxonomy_dir() -> Path:
    """``taxonomy/`` beside the package in a checkout, or the copy shipped inside the wheel."""
    packaged = Path(__file__).parent / "_taxonomy"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "taxonomy"


def _read_yaml(path: Path) -> object:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise TaxonomyError(f"{path.name}: cannot read: {exc}") from None


def _describe(exc: ValidationError) -> str:
    first = exc.errors()[0]
    field = ".".join(str(p) for p in first["loc"]) or "(entry)"
    return f"field {field}: {first['msg']}"


def load_taxonomy(directory: Path | None = None) -> Taxonomy:
    """Load every ``skills/*.yaml`` under ``directory`` and validate it as one taxonomy."""
    root = directory or default_taxonomy_dir()
    version_file = root / "VERSION"
    version = version_file.read_text(encoding="utf-8").strip() if version_file.exists() else "0"
    skills: dict[str, Skill] = {}
    where: dict[str, str] = {}
    for path in sorted((root / "skills").glob("*.yaml")):
        data = _read_yaml(path) or {}
        entries = data.get("skills") if isinstance(data, dict) else None
        if not isinstance(entries, list):
            raise TaxonomyError(f"{path.name}: expected a top-level 'skills:' list")
        for index, entry in enumerate(entries):
            label = entry.get("id", f"#{index + 1}") if isinstance(entry, dict) else f"#{index + 1}"
            try:
                skill = Skill.model_validate(entry)
            except ValidationError as exc:
                raise TaxonomyError(f"{path.name}: entry {label}: {_describe(exc)}") from None
            if skill.id in skills:
                raise TaxonomyError(
                    f"{path.name}: entry {skill.id}: field id: duplicate of {where[skill.id]}"
                )
            skills[skill.id] = skill
            where[skill.id] = path.name
    taxonomy = Taxonomy(version=version, skills=skills)
    _check_references(taxonomy, where)
    return taxonomy


def _check_references(taxonomy: Taxonomy, where: dict[str, str]) -> None:
    for skill in taxonomy.skills.values():
        for target in skill.implies:
            if target not in taxonomy.skills:
                raise TaxonomyError(
                    f"{where[skill.id]}: entry {skill.id}: field implies: unknown skill {target!r}"
                )


@lru_cache(maxsize=4)
def get_taxonomy(directory: Path | None = None) -> Taxonomy:
    """The taxonomy, loaded once per process."""
    return load_taxonomy(directory)


def profile_paths(directory: Path | None = None) -> dict[str, Path]:
    """Profile name → YAML file under ``profiles/``."""
    root = directory or default_taxonomy_dir()
    return {path.stem: path for path in sorted((root / "profiles").glob("*.yaml"))}


def load_profile(name: str, directory: Path | None = None) -> "Profile":
    """Load and validate one profile, checking that every skill it names exists."""
    from .models.profile import Profile

    paths = profile_paths(directory)
    if name not in paths:
        known = ", ".join(paths) or "none"
        raise TaxonomyError(f"unknown profile {name!r} (known: {known})")
    path = paths[name]
    data = _read_yaml(path)
    try:
        profile = Profile.model_validate(data)
    except ValidationError as exc:
        raise TaxonomyError(f"{path.name}: entry {name}: {_describe(exc)}") from None
    taxonomy = get_taxonomy(directory)
    for group in profile.groups:
        for item in group.items:
            for skill_id in item.any_of:
                if skill_id not in taxonomy.skills:
                    raise TaxonomyError(
                        f"{path.name}: entry {group.id}.{item.id}: field any_of: "
                        f"unknown skill {skill_id!r}"
                    )
    return profile


@lru_cache(maxsize=16)
def get_profile(name: str, directory: Path | None = None) -> "Profile":
    """A profile, loaded once per process."""
    return load_profile(name, directory)
