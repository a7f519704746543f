"""The taxonomy's data as pydantic models: one class per kind of entry in ``taxonomy/*.yaml``
(skills, compounds, education, titles, research venues, posting cues) and ``Taxonomy``, the whole.
Field validators check what one entry can check alone; cross-entry rules are in ``checks``."""

from __future__ import annotations

import re
from functools import cached_property
from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr, field_validator

Category = Literal[
    "language", "platform", "tool", "ml-library", "algorithm", "approach", "statistics",
    "mathematics", "engineering", "soft",
]
CATEGORIES: tuple[str, ...] = get_args(Category)
# the categories whose skills are products one builds with, named as their makers name them
# (Python, Spark, pandas), as against methods and ideas (clustering, statistics)
TECHNOLOGY_CATEGORIES = frozenset({"language", "platform", "tool", "ml-library"})
# the categories whose skills are methods a product can use (clustering, NLP)
METHOD_CATEGORIES = frozenset({"algorithm", "approach"})
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ESCO_RE = re.compile(
    r"^http://data\.europa\.eu/esco/skill/"
    r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
)
DegreeLevelId = Literal["associate", "bachelor", "master", "phd"]
# the languages ``translations.yaml`` names skills in (ISO 639-1)
Language = Literal["de", "es", "fr", "it", "ja", "pt", "ru", "tr", "zh"]
# Chinese, Japanese and Korean characters: a word of two of them is as specific as a longer one
# (the ranges, for a character class: kana, CJK ideographs and their extension A, Hangul
# syllables, compatibility ideographs)
CJK_RANGES = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
CJK_CHARACTER = re.compile(f"[{CJK_RANGES}]")


def _check_id(value: str) -> str:
    if not ID_RE.match(value):
        raise ValueError(f"id {value!r} must be lowercase letters, digits and hyphens")
    return value


def _check_forms(forms: list[str]) -> list[str]:
    for form in forms:
        if not form.strip():
            raise ValueError("a form must not be empty")
    return forms


def _check_esco(value: str) -> str:
    if not ESCO_RE.match(value):
        raise ValueError(f"{value!r} is not an ESCO skill URI "
                         "(http://data.europa.eu/esco/skill/<uuid>)")
    return value


def _check_translated(forms: list[str]) -> list[str]:
    for form in _check_forms(forms):
        least = 2 if len(CJK_CHARACTER.findall(form)) >= 2 else 4
        if len(form.strip()) < least:
            raise ValueError(f"{form!r}: a name in another language counts without context, "
                             f"so it needs {least} characters at least")
    return forms


SkillId = Annotated[str, AfterValidator(_check_id)]
# the names of a skill in another language (``translations.yaml``)
TranslatedForms = Annotated[list[str], AfterValidator(_check_translated)]
EscoUri = Annotated[str, AfterValidator(_check_esco)]
Forms = Annotated[list[str], AfterValidator(_check_forms)]


class ContextRule(BaseModel):
    """When an ambiguous surface form counts: regexes tried on the text around the mention.

    ``confirm``: a match anywhere in the window (``window`` characters either side of the
    mention) confirms the mention. ``reject``: a match that overlaps the mention rejects it;
    reject wins over confirm. ``yields_to``: skills whose own ``patterns`` take the mention
    when one matches over it (they reject it here as ``reject`` does). Patterns are
    case-sensitive unless they start with ``(?i)``.
    """

    # (frozen: ``rejecting`` is cached from ``reject`` and the loader's yielded patterns)
    model_config = ConfigDict(extra="forbid", frozen=True)

    confirm: list[str] = Field(default_factory=list, description="Any match nearby confirms")
    reject: list[str] = Field(default_factory=list, description="A match over the mention rejects")
    yields_to: list[SkillId] = Field(
        default_factory=list,
        description="Skills whose patterns, matching over the mention, name it instead "
        "(\"Transformers, PEFT\" is the Hugging Face library, not the architecture)",
    )
    window: int = Field(40, ge=0, le=400, description="Characters either side to look at")
    # the patterns of the ``yields_to`` skills (filled in by the loader)
    _yielded: tuple[str, ...] = PrivateAttr(default=())

    @cached_property
    def rejecting(self) -> tuple[str, ...]:
        """Every pattern whose match over a mention rejects it: ``reject``, then the patterns
        of the skills it yields to (cached: a pydantic private attribute is slow to read on the
        extractor's hot path)."""
        return (*self.reject, *self._yielded)

    def model_copy(self, *, update: dict[str, object] | None = None,
                   deep: bool = False) -> ContextRule:
        """A copy whose ``rejecting`` is computed again from its own ``reject``."""
        copy = super().model_copy(update=update, deep=deep)
        copy.__dict__.pop("rejecting", None)
        return copy

    def yield_to(self, patterns: tuple[str, ...]) -> None:
        """Set the patterns of the skills this rule yields to (the loader calls it once the
        whole taxonomy is read)."""
        self._yielded = patterns
        self.__dict__.pop("rejecting", None)

    @field_validator("confirm", "reject")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for index, pattern in enumerate(patterns):
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"item {index + 1}: bad regex {pattern!r}: {exc}") from None
        return patterns


class Skill(BaseModel):
    """One skill: canonical name, category, the forms that name it and what it implies."""

    model_config = ConfigDict(extra="forbid")

    id: SkillId
    name: str
    category: Category
    esco: EscoUri | None = Field(
        None, description="ESCO skill concept URI (from esco.yaml); None where ESCO has none"
    )
    source: Literal["guide", "ext"] = "ext"
    aliases: Forms = Field(default_factory=list)
    implies: list[str] = Field(default_factory=list, description="Skill ids this one implies")
    ambiguous: bool = Field(False, description="Bare forms need technical context")
    unambiguous_aliases: Forms = Field(
        default_factory=list,
        description="Forms of an ambiguous skill that need no context (may repeat the name)",
    )
    case_sensitive: bool = Field(
        False, description="Bare ambiguous forms match only with the exact case written here"
    )
    context: ContextRule | None = None
    fuzzy: bool = Field(True, description="Allow misspelling matches (never for short forms)")
    patterns: list[str] = Field(
        default_factory=list,
        description="Regexes for paraphrases with words in between (\"deployed two models to "
        "production\"); the whole match is the evidence. Case-sensitive unless (?i)",
    )
    description: str = ""
    translations: dict[Language, TranslatedForms] = Field(
        default_factory=dict,
        description="The skill's names in other languages (from translations.yaml); like "
        "unambiguous aliases, they need no context")

    @field_validator("patterns")
    @classmethod
    def _patterns_compile(cls, patterns: list[str]) -> list[str]:
        return ContextRule._compiles(patterns)

    @property
    def translated_forms(self) -> list[str]:
        """The names in other languages, every language's in turn."""
        return [form for forms in self.translations.values() for form in forms]

    @property
    def english_forms(self) -> list[str]:
        """The canonical name, aliases and unambiguous aliases, once each."""
        return list(dict.fromkeys([self.name, *self.aliases, *self.unambiguous_aliases]))

    @property
    def forms(self) -> list[str]:
        """Every surface form, once: ``english_forms`` and the names in other languages (which
        the loader keeps apart from them)."""
        return list(dict.fromkeys([*self.english_forms, *self.translated_forms]))


class Translations(BaseModel):
    """``translations.yaml``: skill id -> language -> the skill's names in that language."""

    model_config = ConfigDict(extra="forbid")

    translations: dict[str, dict[Language, TranslatedForms]] = Field(default_factory=dict)


class EscoMapping(BaseModel):
    """``esco.yaml``: taxonomy skill id -> ESCO skill URI, or null where ESCO has no concept."""

    model_config = ConfigDict(extra="forbid")

    esco: dict[str, EscoUri | None] = Field(default_factory=dict)


class Compound(BaseModel):
    """Surface forms that name several skills at once, e.g. ``C/C++`` → c + c-plus-plus."""

    model_config = ConfigDict(extra="forbid")

    forms: Forms = Field(min_length=1)
    skills: list[str] = Field(min_length=2, description="Skill ids the forms name")


class DegreeLevel(BaseModel):
    """A degree level and the ways a resume writes it."""

    model_config = ConfigDict(extra="forbid")

    id: DegreeLevelId
    name: str
    rank: int = Field(ge=1, description="Higher is more advanced")
    forms: Forms = Field(min_length=1)


class FieldOfStudy(BaseModel):
    """A field of study, its forms and whether it counts as relevant for ML work."""

    model_config = ConfigDict(extra="forbid")

    id: SkillId
    name: str
    forms: Forms = Field(min_length=1)
    relevant: bool = Field(False, description="Counts as a relevant field for ML roles")
    source: Literal["guide", "ext"] = "ext"
    proves: list[str] = Field(
        default_factory=list,
        description="Skill ids a degree in this field shows (MSc Statistics: statistics, "
        "probability): partial credit for the profile items naming them")


class Education(BaseModel):
    """Degree levels and fields of study."""

    model_config = ConfigDict(extra="forbid")

    levels: list[DegreeLevel] = Field(default_factory=list)
    fields: list[FieldOfStudy] = Field(default_factory=list)

    def level(self, level_id: str) -> DegreeLevel:
        return next(level for level in self.levels if level.id == level_id)

    def field(self, field_id: str) -> FieldOfStudy:
        return next(item for item in self.fields if item.id == field_id)


class Title(BaseModel):
    """A role family: the job titles that name it and what holding it shows."""

    model_config = ConfigDict(extra="forbid")

    id: SkillId
    name: str
    forms: Forms = Field(min_length=1)
    source: Literal["guide", "ext"] = "ext"
    relevant: bool = Field(True, description="Counts as relevant prior experience for ML roles")
    ml: bool = Field(False, description="An ML-family role: its years count as ML experience")
    keywords: Forms = Field(
        default_factory=list,
        description="Words that place a title no form names in this family (\"ML\" in "
        "\"ML Platform Lead\"); matched case-sensitively when written in capitals")
    proves: list[str] = Field(
        default_factory=list,
        description="Skill ids holding the role shows (a data scientist: machine learning)")
    near: list[str] = Field(
        default_factory=list, description="Role family ids that count as a near match")
    core: list[Category] = Field(
        default_factory=list,
        description="Skill categories at the heart of the role: a posting for it weighs them more")
    ml_variant: str | None = Field(
        None, description="The ML family a title of this family belongs to when it also names "
        "an ML family's keyword (\"Software Engineer, Machine Learning\")")


class NotJob(BaseModel):
    """An experience entry that is no job ("Career Break", "Sabbatical"): its dates count
    neither as professional years nor toward any role family (``not_jobs.yaml``)."""

    model_config = ConfigDict(extra="forbid")

    id: SkillId
    forms: Forms = Field(min_length=1, description="Words that name such an entry in its header")


class Venue(BaseModel):
    """A machine-learning publication venue (conference or journal)."""

    model_config = ConfigDict(extra="forbid")

    id: SkillId
    name: str
    forms: Forms = Field(min_length=1, description="Capitalised short forms match case-sensitively")


class Research(BaseModel):
    """What counts as an ML research record: papers at ML venues, an ML thesis or PhD."""

    model_config = ConfigDict(extra="forbid")

    venues: list[Venue] = Field(default_factory=list)
    thesis_fields: list[str] = Field(
        default_factory=list, description="Field ids whose PhD or thesis is ML research")
    proves: list[str] = Field(
        default_factory=list, description="Skill ids a research record shows in part")


class Cues(BaseModel):
    """Phrases that make a posting's sentence require or prefer its skills (regexes, matched
    case-insensitively; ``cues.yaml``)."""

    model_config = ConfigDict(extra="forbid")

    preferred: list[str] = Field(default_factory=list)
    required: list[str] = Field(default_factory=list)
    emphasis: list[str] = Field(default_factory=list)

    @field_validator("preferred", "required", "emphasis")
    @classmethod
    def _cues_compile(cls, patterns: list[str]) -> list[str]:
        return ContextRule._compiles(patterns)


class Taxonomy(BaseModel):
    """All skills, by id, with compounds, education, titles and the taxonomy version."""

    version: str
    skills: dict[str, Skill]
    compounds: list[Compound] = Field(default_factory=list)
    education: Education = Field(default_factory=Education)
    titles: list[Title] = Field(default_factory=list)
    not_jobs: list[NotJob] = Field(default_factory=list)
    research: Research = Field(default_factory=Research)
    cues: Cues = Field(default_factory=Cues)

    def get(self, skill_id: str) -> Skill:
        return self.skills[skill_id]

    def implied(self, skill_id: str) -> list[str]:
        """Every skill id reachable through ``implies`` from ``skill_id``, nearest first."""
        seen: dict[str, None] = {}
        queue = list(self.skills[skill_id].implies)
        while queue:
            current = queue.pop(0)
            if current not in seen and current != skill_id:
                seen[current] = None
                queue.extend(self.skills[current].implies)
        return list(seen)

    def by_category(self, category: str | None = None) -> list[Skill]:
        """Skills sorted by category order then id, optionally one category only."""
        order = {name: index for index, name in enumerate(CATEGORIES)}
        chosen = [s for s in self.skills.values() if category in (None, s.category)]
        return sorted(chosen, key=lambda s: (order[s.category], s.id))
