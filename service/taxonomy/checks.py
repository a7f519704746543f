"""Rules across entries and files, checked once the whole taxonomy is read: forms unique (or
declared compounds), implications known and acyclic, ids that one file names and another defines.
Each error names the file, the entry and the field."""

from __future__ import annotations

from collections.abc import Iterable

from ..errors import TaxonomyError
from ..normalize import normalize, strip_accents
from .models import Taxonomy


def check_taxonomy(taxonomy: Taxonomy, where: dict[str, str]) -> None:
    """Raise ``TaxonomyError`` for the first cross-entry rule ``taxonomy`` breaks (``where``:
    skill id → the ``skills/`` file that defines it)."""
    _check_skills(taxonomy, where)
    _check_compounds(taxonomy, where)
    _check_education(taxonomy)
    _check_titles(taxonomy)


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


def match_key(form: str) -> str:
    """How the extractor tells forms apart: ``form_key`` without accents ("random forêst" is
    "random forest" to the matcher, so two skills may not hold them)."""
    return strip_accents(form_key(form))


def _check_skills(taxonomy: Taxonomy, where: dict[str, str]) -> None:
    """Forms listed twice in one skill, unknown, self or cyclic implications, skills yielded to
    that are unknown, the skill itself or without patterns."""
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
        for language, forms in skill.translations.items():
            for form in forms:
                key = form_key(form)
                # (one word may be the name in two languages: "IA generativa" in es, it, pt)
                if key in seen and not (seen[key].startswith("translations ")
                                        and seen[key] != f"translations {language}"):
                    raise TaxonomyError(
                        f"translations.yaml: entry {skill.id}: field {language}: {form!r} "
                        f"repeats a form already in {seen[key]}"
                    )
                seen[key] = f"translations {language}"
        for target in skill.implies:
            if target == skill.id:
                raise TaxonomyError(f"{file}: entry {skill.id}: field implies: implies itself")
            if target not in taxonomy.skills:
                raise TaxonomyError(
                    f"{file}: entry {skill.id}: field implies: unknown skill {target!r}"
                )
        for target in skill.context.yields_to if skill.context else ():
            problem = ("yields to itself" if target == skill.id
                       else f"unknown skill {target!r}" if target not in taxonomy.skills
                       else f"{target!r} has no patterns to yield to"
                       if not taxonomy.skills[target].patterns else None)
            if problem:
                raise TaxonomyError(f"{file}: entry {skill.id}: field context.yields_to: {problem}")
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
            key = match_key(form)
            if key in declared:
                raise TaxonomyError(
                    f"compounds.yaml: entry {label}: field forms: {form!r} is declared twice"
                )
            declared[key] = frozenset(compound.skills)
    owners: dict[str, list[str]] = {}
    for skill in taxonomy.skills.values():
        for form in dict.fromkeys(match_key(form) for form in skill.forms):
            owners.setdefault(form, []).append(skill.id)
    for key, ids in owners.items():
        allowed = declared.get(key)
        if allowed is not None:
            stray = [i for i in ids if i not in allowed]
            if stray:
                file, field = _source(taxonomy, where, stray[0], key)
                raise TaxonomyError(
                    f"{file}: entry {stray[0]}: field {field}: {key!r} is a compound "
                    f"form naming {', '.join(sorted(allowed))}"
                )
        elif len(ids) > 1:
            first, second = ids[0], ids[1]
            if _source(taxonomy, where, first, key)[0] == "translations.yaml":
                first, second = second, first  # blame the translation, not the skill's own form
            file, field = _source(taxonomy, where, second, key)
            raise TaxonomyError(
                f"{file}: entry {second}: field {field}: {key!r} is also a form of "
                f"{first} ({_source(taxonomy, where, first, key)[0]}); declare it in "
                "compounds.yaml if it names both"
            )


def _source(taxonomy: Taxonomy, where: dict[str, str], skill_id: str,
            key: str) -> tuple[str, str]:
    """The file and field that give skill ``skill_id`` its form with key ``key``."""
    for language, forms in taxonomy.skills[skill_id].translations.items():
        if any(match_key(form) == key for form in forms):
            return "translations.yaml", language
    return where[skill_id], "aliases"


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
