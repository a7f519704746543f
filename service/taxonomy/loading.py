"""Read ``taxonomy/`` into a validated ``Taxonomy``: YAML files, their entries validated one by
one (errors name the file, the entry and the field: ``languages.yaml: entry c: field aliases:
...``), ``esco.yaml`` merged into the skills, then the cross-file ``checks``."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from ..errors import TaxonomyError
from .checks import check_taxonomy
from .models import (
    Compound,
    Cues,
    DegreeLevel,
    Education,
    EscoMapping,
    FieldOfStudy,
    NotJob,
    Research,
    Skill,
    Taxonomy,
    Title,
    Translations,
    Venue,
)


def default_taxonomy_dir() -> Path:
    """``taxonomy/`` beside the package in a checkout, or the copy shipped inside the wheel."""
    package = Path(__file__).parent.parent  # service/
    packaged = package / "_taxonomy"
    if packaged.is_dir():
        return packaged
    return package.resolve().parent / "taxonomy"


class _UniqueKeys:
    """A safe loader's constructor that refuses a key written twice in one mapping (plain YAML
    keeps the last one silently: a skill listed twice would lose its first block)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set[object] = set()
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":  # "<<: *defaults" merges, repeats none
                continue
            key = self.construct_object(key_node, deep=deep)  # type: ignore[attr-defined]
            # (keys equal in Python are one key of the dict: 1, 1.0 and true)
            if isinstance(key, (str, int, float, bool)):
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"key {key!r} is written twice", key_node.start_mark)
                seen.add(key)
        return super().construct_mapping(node, deep=deep)  # type: ignore[misc]


class _UniqueKeyLoader(_UniqueKeys, yaml.SafeLoader):
    """The pure-Python safe loader: its errors quote the line and name what is wrong."""


# libyaml's parser when PyYAML was built with it (its wheels are): ten times the pure-Python
# one, which took 0.6 s of every start; the same constructor
_FastUniqueKeyLoader: type | None = (
    type("_FastUniqueKeyLoader", (_UniqueKeys, yaml.CSafeLoader), {})
    if hasattr(yaml, "CSafeLoader") else None
)


def read_yaml(path: Path) -> object:
    """A YAML file's data; a file libyaml refuses, or one with a tab, is read by the pure-Python
    parser, whose message says more (the line with a caret, an alias's name) and which accepts
    a little more (an escaped lone surrogate) and a little less (tabs between tokens)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise TaxonomyError(f"{path.name}: cannot read: {exc}") from None
    # (libyaml also takes tabs that the pure-Python parser refuses: such a file is read by the
    # latter, so whether it loads does not depend on how PyYAML was built)
    if _FastUniqueKeyLoader is not None and "\t" not in text:
        try:
            return yaml.load(text, Loader=_FastUniqueKeyLoader)  # noqa: S506
        except yaml.YAMLError:
            pass
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506
    except yaml.YAMLError as exc:
        raise TaxonomyError(f"{path.name}: cannot read: {exc}") from None


def describe_error(exc: ValidationError) -> str:
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
        data = read_yaml(path)
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
        raise TaxonomyError(f"{file}: entry {label}: {describe_error(exc)}") from None


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
    education, titles = load_education_and_titles(root)
    _merge_esco(root / "esco.yaml", skills, where)
    _merge_translations(root / "translations.yaml", skills)
    research = _load_research(root / "research.yaml")
    cues_file = root / "cues.yaml"
    cues = _validated(Cues, read_yaml(cues_file), cues_file.name, "cues") \
        if cues_file.exists() else Cues()
    assert isinstance(cues, Cues)
    taxonomy = Taxonomy(
        version=version, skills=skills, compounds=compounds, education=education, titles=titles,
        not_jobs=load_not_jobs(root), research=research, cues=cues,
    )
    check_taxonomy(taxonomy, where)
    for skill in skills.values():
        rule = skill.context
        if rule and rule.yields_to:
            rule.yield_to(tuple(p for target in rule.yields_to for p in skills[target].patterns))
    return taxonomy


def _merge_esco(path: Path, skills: dict[str, Skill], where: dict[str, str]) -> None:
    """Set ``Skill.esco`` from the optional ``esco.yaml`` (skill id -> URI or null)."""
    if not path.exists():
        return
    data = read_yaml(path)
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


def _merge_translations(path: Path, skills: dict[str, Skill]) -> None:
    """Set ``Skill.translations`` from the optional ``translations.yaml`` (skill id -> language
    -> forms)."""
    data = _mapping(path, "a top-level 'translations:' mapping of skill ids")
    if data is None:
        return
    entries = data.get("translations")
    if not isinstance(entries, dict) or set(data) != {"translations"}:
        raise TaxonomyError(f"{path.name}: expected a top-level 'translations:' mapping of "
                            "skill ids")
    for skill_id, languages in entries.items():
        if skill_id not in skills:
            raise TaxonomyError(f"{path.name}: entry {skill_id}: unknown skill {skill_id!r}")
        try:
            checked = Translations.model_validate({"translations": {skill_id: languages}})
        except ValidationError as exc:
            first = exc.errors()[0]
            field = ".".join(str(p) for p in first["loc"][2:] if p != "[key]") or "(entry)"
            raise TaxonomyError(f"{path.name}: entry {skill_id}: field {field}: "
                                f"{first['msg']}") from None
        skills[skill_id] = skills[skill_id].model_copy(
            update={"translations": checked.translations[skill_id]})


def load_education_and_titles(directory: Path | None = None) -> tuple[Education, list[Title]]:
    """``education.yaml`` and ``titles.yaml`` alone, validated (what reading a document needs:
    ``documents.vocab``), without the skills."""
    root = directory or default_taxonomy_dir()
    titles_file = root / "titles.yaml"
    titles = _validated_entries(Title, titles_file,
                                _entries(titles_file, "titles", required=False))
    return _load_education(root / "education.yaml"), titles  # type: ignore[return-value]


def load_not_jobs(directory: Path | None = None) -> list[NotJob]:
    """``not_jobs.yaml`` (optional), validated: the experience entries that are no job."""
    path = (directory or default_taxonomy_dir()) / "not_jobs.yaml"
    return _validated_entries(NotJob, path,  # type: ignore[return-value]
                              _entries(path, "not_jobs", required=False))


def _mapping(path: Path, expected: str) -> dict | None:
    """The file's top-level mapping, None when the (optional) file is absent."""
    if not path.exists():
        return None
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise TaxonomyError(f"{path.name}: expected {expected}")
    return data


def _load_education(path: Path) -> Education:
    data = _mapping(path, "'levels:' and 'fields:' lists")
    if data is None:
        return Education()
    levels = _validated_entries(DegreeLevel, path, _entries(path, "levels", data=data))
    fields = _validated_entries(FieldOfStudy, path, _entries(path, "fields", data=data))
    return Education.model_validate({"levels": levels, "fields": fields})


def _load_research(path: Path) -> Research:
    data = _mapping(path, "'venues:', 'thesis_fields:' and 'proves:'")
    if data is None:
        return Research()
    venues = _validated_entries(Venue, path, _entries(path, "venues", data=data))
    rest = {k: v for k, v in data.items() if k != "venues"}
    research = _validated(Research, {**rest, "venues": []}, path.name, "research")
    assert isinstance(research, Research)
    return research.model_copy(update={"venues": venues})



@lru_cache(maxsize=4)
def get_taxonomy(directory: Path | None = None) -> Taxonomy:
    """The taxonomy, loaded once per process."""
    return load_taxonomy(directory)
