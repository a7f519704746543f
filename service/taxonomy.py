"""Load and validate the skills taxonomy and the profiles.

Data lives in ``taxonomy/`` (YAML): ``skills/*.yaml``, ``compounds.yaml``, ``education.yaml``,
``titles.yaml`` (role families), ``research.yaml`` (ML venues), ``cues.yaml`` (required /
preferred phrases in postings), ``esco.yaml`` (ESCO identifiers), ``profiles/*.yaml`` and
``VERSION``. Every validation error names the file, the entry and the field: ``languages.yaml:
entry c: field aliases: ...``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal, get_args

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
)

from .normalize import normalize
from .errors import TaxonomyError

if TYPE_CHECKING:
    from .models.profile import Profile

Category = Literal[
    "language", "platform", "tool", "ml-library", "algorithm", "approach", "statistics",
    "mathematics", "engineering", "soft",
]
CATEGORIES: tuple[str, ...] = get_args(Category)
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ESCO_RE = re.compile(
    r"^http://data\.europa\.eu/esco/skill/"
    r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
)
DegreeLevelId = Literal["associate", "bachelor", "master", "phd"]


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


SkillId = Annotated[str, AfterValidator(_check_id)]
EscoUri = Annotated[str, AfterValidator(_check_esco)]
Forms = Annotated[list[str], AfterValidator(_check_forms)]


class ContextRule(BaseModel):
    """When an ambiguous surface form counts: regexes tried on the text around the mention.

    ``confirm``: a match anywhere in the window (``window`` characters either side of the
    mention) confirms the mention. ``reject``: a match that overlaps the mention rejects it;
    reject wins over confirm. Patterns are case-sensitive unless they start with ``(?i)``.
    """

    model_config = ConfigDict(extra="forbid")

    confirm: list[str] = Field(default_factory=list, description="Any match nearby confirms")
    reject: list[str] = Field(default_factory=list, description="A match over the mention rejects")
    window: int = Field(40, ge=0, le=400, description="Characters either side to look at")

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

    @field_validator("patterns")
    @classmethod
    def _patterns_compile(cls, patterns: list[str]) -> list[str]:
        return ContextRule._compiles(patterns)



    @property
    def forms(self) -> list[str]:
        """Every surface form, once: the canonical name, aliases and unambiguous aliases."""
        return list(dict.fromkeys([self.name, *self.aliases, *self.unambiguous_aliases]))


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


class TaxonomyStats(BaseModel):
    """Counts printed by ``skillmatch taxonomy validate``."""

    version: str
    skills: int
    per_category: dict[str, int]
    forms: int
    aliases: int
    ambiguous: int
    with_context: int
    implications: int
    compounds: int
    compound_forms: int
    degree_levels: int
    fields: int
    titles: int


def taxonomy_stats(taxonomy: Taxonomy) -> TaxonomyStats:
    """Counts of what the taxonomy holds."""
    skills = taxonomy.skills.values()
    return TaxonomyStats(
        version=taxonomy.version,
        skills=len(taxonomy.skills),
        per_category={c: sum(s.category == c for s in skills) for c in CATEGORIES},
        forms=sum(len(s.forms) for s in skills),
        aliases=sum(len(s.forms) - 1 for s in skills),
        ambiguous=sum(s.ambiguous for s in skills),
        with_context=sum(s.context is not None for s in skills),
        implications=sum(len(s.implies) for s in skills),
        compounds=len(taxonomy.compounds),
        compound_forms=sum(len(c.forms) for c in taxonomy.compounds),
        degree_levels=len(taxonomy.education.levels),
        fields=len(taxonomy.education.fields),
        titles=len(taxonomy.titles),
    )


def form_key(form: str) -> str:
    """How two forms are compared for duplicates: normalised, case-folded, spaces collapsed
    (repeated until stable, since case-folding can expose text that normalising changes)."""
    key = form
    for _ in range(4):
        folded = " ".join(normalize(key).casefold().split())
        if folded == key:
            break
        key = folded
    return key


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


def _entries(path: Path, key: str, *, required: bool = True,
             data: object = None) -> list[object]:
    """The list under ``key`` at the top of a YAML file (``data``: the file already read)."""
    if data is None:
        if not path.exists():
            if required:
                raise TaxonomyError(f"{path.name}: missing file")
            return []
        data = _read_yaml(path)
    entries = data.get(key) if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise TaxonomyError(f"{path.name}: expected a top-level '{key}:' list")
    return entries


def _validated_entries(model: type[BaseModel], path: Path, entries: list[object],
                       label_key: str = "id") -> list[BaseModel]:
    """Each entry validated as ``model``; errors name the file and the entry."""
    return [_validated(model, entry, path.name, _label(entry, index, label_key))
            for index, entry in enumerate(entries)]


def _label(entry: object, index: int, key: str = "id") -> str:
    if isinstance(entry, dict) and entry.get(key):
        value = entry[key]
        return str(value[0] if isinstance(value, list) and value else value)
    return f"#{index + 1}"


def _validated(model: type[BaseModel], entry: object, file: str, label: str) -> BaseModel:
    try:
        return model.model_validate(entry)
    except ValidationError as exc:
        raise TaxonomyError(f"{file}: entry {label}: {_describe(exc)}") from None


def load_taxonomy(directory: Path | None = None) -> Taxonomy:
    """Load ``skills/*.yaml`` and the optional ``compounds.yaml``, ``education.yaml`` and
    ``titles.yaml`` under ``directory``, and validate them as one taxonomy."""
    root = directory or default_taxonomy_dir()
    if not (root / "skills").is_dir():
        raise TaxonomyError(f"{root}: no skills/ directory")
    version_file = root / "VERSION"
    version = version_file.read_text(encoding="utf-8").strip() if version_file.exists() else "0"
    skills: dict[str, Skill] = {}
    where: dict[str, str] = {}
    for path in sorted((root / "skills").glob("*.yaml")):
        for index, entry in enumerate(_entries(path, "skills")):
            skill = _validated(Skill, entry, path.name, _label(entry, index))
            assert isinstance(skill, Skill)
            if skill.id in skills:
                raise TaxonomyError(
                    f"{path.name}: entry {skill.id}: field id: duplicate of {where[skill.id]}"
                )
            skills[skill.id] = skill
            where[skill.id] = path.name
    compounds_file = root / "compounds.yaml"
    compounds = _validated_entries(
        Compound, compounds_file, _entries(compounds_file, "compounds", required=False), "forms")
    education = _load_education(root / "education.yaml")
    titles_file = root / "titles.yaml"
    titles = _validated_entries(Title, titles_file,
                                _entries(titles_file, "titles", required=False))
    _merge_esco(root / "esco.yaml", skills, where)
    research = _load_research(root / "research.yaml")
    cues_file = root / "cues.yaml"
    cues = _validated(Cues, _read_yaml(cues_file), cues_file.name, "cues") \
        if cues_file.exists() else Cues()
    assert isinstance(cues, Cues)
    taxonomy = Taxonomy(
        version=version, skills=skills, compounds=compounds, education=education, titles=titles,
        research=research, cues=cues,
    )
    _check_skills(taxonomy, where)
    _check_compounds(taxonomy, where)
    _check_education(taxonomy)
    _check_titles(taxonomy)
    return taxonomy


def _merge_esco(path: Path, skills: dict[str, Skill], where: dict[str, str]) -> None:
    """Set ``Skill.esco`` from the optional ``esco.yaml`` (skill id -> URI or null)."""
    if not path.exists():
        return
    data = _read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("esco"), dict):
        raise TaxonomyError(f"{path.name}: expected a top-level 'esco:' mapping of skill ids")
    for skill_id, uri in data["esco"].items():
        try:
            EscoMapping.model_validate({"esco": {skill_id: uri}})
        except ValidationError as exc:
            raise TaxonomyError(f"{path.name}: entry {skill_id}: field esco: "
                                f"{exc.errors()[0]['msg']}") from None
        if skill_id not in skills:
            raise TaxonomyError(f"{path.name}: entry {skill_id}: field esco: unknown skill "
                                f"{skill_id!r}")
        skill = skills[skill_id]
        if skill.esco is not None and uri != skill.esco:
            raise TaxonomyError(f"{path.name}: entry {skill_id}: field esco: differs from the "
                                f"esco set in {where[skill_id]}")
        skills[skill_id] = skill.model_copy(update={"esco": uri})


def _load_education(path: Path) -> Education:
    if not path.exists():
        return Education()
    data = _read_yaml(path)
    if not isinstance(data, dict):
        raise TaxonomyError(f"{path.name}: expected 'levels:' and 'fields:' lists")
    levels = _validated_entries(DegreeLevel, path, _entries(path, "levels", data=data))
    fields = _validated_entries(FieldOfStudy, path, _entries(path, "fields", data=data))
    return Education.model_validate({"levels": levels, "fields": fields})


def _load_research(path: Path) -> Research:
    if not path.exists():
        return Research()
    data = _read_yaml(path)
    if not isinstance(data, dict):
        raise TaxonomyError(f"{path.name}: expected 'venues:', 'thesis_fields:' and 'proves:'")
    venues = _validated_entries(Venue, path, _entries(path, "venues", data=data))
    rest = {k: v for k, v in data.items() if k != "venues"}
    research = _validated(Research, {**rest, "venues": []}, path.name, "research")
    assert isinstance(research, Research)
    return research.model_copy(update={"venues": venues})


def _check_skills(taxonomy: Taxonomy, where: dict[str, str]) -> None:
    """Forms listed twice in one skill, unknown, self or cyclic implications."""
    for skill in taxonomy.skills.values():
        file = where[skill.id]
        seen: dict[str, str] = {form_key(skill.name): "name"}
        for field in ("aliases", "unambiguous_aliases"):
            for form in getattr(skill, field):
                key = form_key(form)
                if key in seen and not (field == "unambiguous_aliases" and form == skill.name):
                    raise TaxonomyError(
                        f"{file}: entry {skill.id}: field {field}: {form!r} repeats "
                        f"a form already in {seen[key]}"
                    )
                seen[key] = field
        for target in skill.implies:
            if target == skill.id:
                raise TaxonomyError(f"{file}: entry {skill.id}: field implies: implies itself")
            if target not in taxonomy.skills:
                raise TaxonomyError(
                    f"{file}: entry {skill.id}: field implies: unknown skill {target!r}"
                )
    cycle = _find_cycle(taxonomy)
    if cycle:
        raise TaxonomyError(
            f"{where[cycle[0]]}: entry {cycle[0]}: field implies: cycle {' -> '.join(cycle)}"
        )


def _find_cycle(taxonomy: Taxonomy) -> list[str] | None:
    """The first implication cycle found (``a -> b -> a``), or None."""
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> list[str] | None:
        state[node] = 1
        for target in taxonomy.skills[node].implies:
            if state.get(target) == 1:
                return [*path[path.index(target):], target]
            if target not in state:
                found = visit(target, [*path, target])
                if found:
                    return found
        state[node] = 2
        return None

    for skill_id in sorted(taxonomy.skills):
        if skill_id not in state:
            found = visit(skill_id, [skill_id])
            if found:
                return found
    return None


def _check_compounds(taxonomy: Taxonomy, where: dict[str, str]) -> None:
    """Compounds name known skills; a form two skills claim must be a declared compound."""
    declared: dict[str, frozenset[str]] = {}
    for compound in taxonomy.compounds:
        label = compound.forms[0]
        for skill_id in compound.skills:
            if skill_id not in taxonomy.skills:
                raise TaxonomyError(
                    f"compounds.yaml: entry {label}: field skills: unknown skill {skill_id!r}"
                )
        if len(set(compound.skills)) != len(compound.skills):
            raise TaxonomyError(f"compounds.yaml: entry {label}: field skills: a skill repeats")
        for form in compound.forms:
            key = form_key(form)
            if key in declared:
                raise TaxonomyError(
                    f"compounds.yaml: entry {label}: field forms: {form!r} is declared twice"
                )
            declared[key] = frozenset(compound.skills)
    owners: dict[str, list[str]] = {}
    for skill in taxonomy.skills.values():
        for form in skill.forms:
            owners.setdefault(form_key(form), []).append(skill.id)
    for key, ids in owners.items():
        allowed = declared.get(key)
        if allowed is not None:
            stray = [i for i in ids if i not in allowed]
            if stray:
                raise TaxonomyError(
                    f"{where[stray[0]]}: entry {stray[0]}: field aliases: {key!r} is a compound "
                    f"form naming {', '.join(sorted(allowed))}"
                )
        elif len(ids) > 1:
            first, second = ids[0], ids[1]
            raise TaxonomyError(
                f"{where[second]}: entry {second}: field aliases: {key!r} is also a form of "
                f"{first} ({where[first]}); declare it in compounds.yaml if it names both"
            )


def _check_unique(
    file: str, items: Iterable[tuple[str, str, list[str]]], what: str
) -> None:
    """Ids and forms (normalised, case-folded) are unique across ``items``."""
    ids: set[str] = set()
    forms: dict[str, str] = {}
    for item_id, field_prefix, item_forms in items:
        if item_id in ids:
            raise TaxonomyError(f"{file}: entry {item_id}: field id: duplicate {what} id")
        ids.add(item_id)
        for form in item_forms:
            key = form_key(form)
            if key in forms:
                raise TaxonomyError(
                    f"{file}: entry {item_id}: field {field_prefix}forms: {form!r} is also a "
                    f"form of {forms[key]}"
                )
            forms[key] = item_id


def _check_education(taxonomy: Taxonomy) -> None:
    education = taxonomy.education
    _check_unique("education.yaml", ((lv.id, "", lv.forms) for lv in education.levels), "level")
    _check_unique("education.yaml", ((f.id, "", f.forms) for f in education.fields), "field")
    ranks = [level.rank for level in education.levels]
    if len(set(ranks)) != len(ranks):
        raise TaxonomyError("education.yaml: entry levels: field rank: two levels share a rank")


def _check_titles(taxonomy: Taxonomy) -> None:
    _check_unique("titles.yaml", ((t.id, "", t.forms) for t in taxonomy.titles), "title")
    ids = {t.id for t in taxonomy.titles}
    for title in taxonomy.titles:
        for skill_id in title.proves:
            if skill_id not in taxonomy.skills:
                raise TaxonomyError(
                    f"titles.yaml: entry {title.id}: field proves: unknown skill {skill_id!r}")
        for family in title.near:
            if family not in ids or family == title.id:
                raise TaxonomyError(
                    f"titles.yaml: entry {title.id}: field near: unknown role family {family!r}")
        ml = {t.id for t in taxonomy.titles if t.ml}
        if title.ml_variant is not None and title.ml_variant not in ml:
            raise TaxonomyError(f"titles.yaml: entry {title.id}: field ml_variant: not an ML "
                                f"role family {title.ml_variant!r}")
    _check_unique("research.yaml", ((v.id, "", v.forms) for v in taxonomy.research.venues),
                  "venue")
    fields = {f.id for f in taxonomy.education.fields}
    for field_id in taxonomy.research.thesis_fields:
        if field_id not in fields:
            raise TaxonomyError(
                f"research.yaml: entry research: field thesis_fields: unknown field {field_id!r}")
    for skill_id in taxonomy.research.proves:
        if skill_id not in taxonomy.skills:
            raise TaxonomyError(
                f"research.yaml: entry research: field proves: unknown skill {skill_id!r}")
    for field in taxonomy.education.fields:
        for skill_id in field.proves:
            if skill_id not in taxonomy.skills:
                raise TaxonomyError(
                    f"education.yaml: entry {field.id}: field proves: unknown skill {skill_id!r}")


@lru_cache(maxsize=4)
def get_taxonomy(directory: Path | None = None) -> Taxonomy:
    """The taxonomy, loaded once per process."""
    return load_taxonomy(directory)


def profile_paths(directory: Path | None = None) -> dict[str, Path]:
    """Profile name → YAML file under ``profiles/``."""
    root = directory or default_taxonomy_dir()
    return {path.stem: path for path in sorted((root / "profiles").glob("*.yaml"))}


def load_profile(name: str, directory: Path | None = None,
                 taxonomy: Taxonomy | None = None) -> Profile:
    """Load and validate one profile, checking that every skill it names exists in
    ``taxonomy`` (default: the taxonomy in ``directory``)."""
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
    taxonomy = taxonomy or get_taxonomy(directory)
    if profile.role.family and profile.role.family not in {t.id for t in taxonomy.titles}:
        raise TaxonomyError(f"{path.name}: entry {name}: field role.family: unknown role family "
                            f"{profile.role.family!r}")
    families = {t.id for t in taxonomy.titles}
    for group in profile.groups:
        for item in group.items:
            for family in item.roles:
                if family not in families:
                    raise TaxonomyError(f"{path.name}: entry {group.id}.{item.id}: field roles: "
                                        f"unknown role family {family!r}")
    for group in profile.groups:
        for item in group.items:
            for field in ("any_of", "partial_from"):
                for skill_id in getattr(item, field):
                    if skill_id not in taxonomy.skills:
                        raise TaxonomyError(
                            f"{path.name}: entry {group.id}.{item.id}: field {field}: "
                            f"unknown skill {skill_id!r}"
                        )
    return profile


def load_profiles(directory: Path | None, taxonomy: Taxonomy) -> dict[str, Profile]:
    """Every profile under ``directory``'s ``profiles/`` by name, checked against ``taxonomy``."""
    return {name: load_profile(name, directory, taxonomy) for name in profile_paths(directory)}


@lru_cache(maxsize=16)
def get_profile(name: str, directory: Path | None = None) -> Profile:
    """A profile, loaded once per process."""
    return load_profile(name, directory)
